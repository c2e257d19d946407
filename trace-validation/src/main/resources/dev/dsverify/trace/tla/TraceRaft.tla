------------------------------ MODULE TraceRaft ------------------------------
(***************************************************************************)
(* Trace validation of the Raft implementation against Raft.tla.           *)
(*                                                                         *)
(* A behaviour of this spec is a behaviour of Raft.tla that explains the   *)
(* log line by line: the cursor l names the next line, and the only step   *)
(* allowed is the Raft action the line names, with the parameters the line *)
(* gives, whose post-state agrees with what the line logs. So the log is   *)
(* explained iff a state with l = Len(TraceLog) + 1 is reachable.          *)
(*                                                                         *)
(* The contract logs the post-state of every variable a step changes at    *)
(* its node, so a variable a line does not mention must not change there.  *)
(* The network is the bag of messages in flight: a line's msg and reply    *)
(* pin down what the step consumed and sent.                               *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, Bags, TLC, TraceLog

\* "No server" (votedFor before a vote): a model value, distinct from every id.
CONSTANT Nil

VARIABLES currentTerm, votedFor, log, role, commitIndex, votesGranted,
          nextIndex, matchIndex, messages,
          \* Raft.tla's fault counters and history are auxiliary: no log line
          \* speaks of them and no action reads them, so they stay at their
          \* initial values here (letting them grow would only grow the states).
          restarts, drops, dups, elections, votes, committed,
          l   \* the next line of the log to explain

auxVars == <<restarts, drops, dups, elections, votes, committed>>

\* The cluster is the set of ids the log mentions; the bounds of Raft.tla
\* are used only by its Next, never by the actions instantiated here.
R == INSTANCE Raft WITH Server <- TraceServers, Value <- STRING,
                        MaxTerm <- 0, MaxLogLen <- 0, MaxBatch <- 0, MaxMsgCount <- 0,
                        MaxRestarts <- 0, MaxDrops <- 0, MaxDups <- 0

-----------------------------------------------------------------------------
(* Reading a line.                                                         *)

Has(e, f) == f \in DOMAIN e
Logs(e, f) == f \in DOMAIN e.state

\* votedFor is logged as <<>> (JSON null) or <<id>>.
LoggedVote(e) == IF e.state.votedFor = <<>> THEN Nil ELSE e.state.votedFor[1]

\* The value a client request appends: the last entry the line logs. A line
\* that logs no new entry names no value; "" then lets the step fail on the
\* log field, which says what is missing.
AppendedValue(e) ==
    IF Logs(e, "log") /\ e.state.log.entries # <<>>
    THEN e.state.log.entries[Len(e.state.log.entries)].value
    ELSE ""

\* The arguments of the spec action a line names, in the action's order.
ActionArgs(e) ==
    LET i == e.node IN
    CASE e.event \in {"Timeout", "BecomeLeader", "AdvanceCommitIndex", "Restart"} -> <<i>>
      [] e.event \in {"RequestVote"} -> <<i, e.msg.to>>
      [] e.event \in {"AppendEntries"} -> <<i, e.msg.to, Len(e.msg.entries)>>
      [] e.event \in {"ClientRequest"} -> <<i, AppendedValue(e)>>
      [] e.event \in {"HandleRequestVoteRequest", "HandleRequestVoteResponse",
                      "HandleAppendEntriesRequest", "HandleAppendEntriesResponse",
                      "UpdateTerm"} -> <<i, e.msg>>
      [] e.event \in {"DropMessage", "DuplicateMessage"} -> <<e.msg>>

\* Raft.tla's AdvanceCommitIndex(i) considers every index of i's log and picks
\* the largest eligible one with a CHOOSE whose cost is quadratic in the length
\* of the log, on every commit: long logs would make replay quadratic. The
\* action requires the new commit index to exceed commitIndex[i], so indices
\* up to commitIndex[i] can never be chosen: restricted to the indices above
\* it, the set is empty exactly when the original action is disabled, and
\* otherwise has the same maximum. So this is the same relation between
\* states, evaluated over the part of the log that matters. (A test replays
\* every simulator trace both ways; divergences are explained with Raft.tla's
\* own action.)
TraceAdvanceCommitIndex(i) ==
    /\ role[i] = R!Leader
    /\ LET ok == {k \in commitIndex[i] + 1 .. Len(log[i]) :
                      R!IsQuorum(R!Agree(i, k)) /\ R!CommitEligible(i, k)}
       IN /\ ok # {}
          /\ commitIndex' = [commitIndex EXCEPT ![i] = CHOOSE k \in ok : \A j \in ok : k >= j]
    /\ UNCHANGED <<currentTerm, votedFor, log, role, votesGranted, nextIndex, matchIndex, messages>>

\* The step of Raft.tla the line names, with the line's parameters. With
\* exact = FALSE, AdvanceCommitIndex is evaluated as TraceAdvanceCommitIndex.
Action(e, exact) ==
    LET i == e.node IN
    \/ e.event = "Timeout"                     /\ R!Timeout(i)
    \/ e.event = "RequestVote"                 /\ R!RequestVote(i, e.msg.to)
    \/ e.event = "HandleRequestVoteRequest"    /\ R!HandleRequestVoteRequest(i, e.msg)
    \/ e.event = "HandleRequestVoteResponse"   /\ R!HandleRequestVoteResponse(i, e.msg)
    \/ e.event = "BecomeLeader"                /\ R!BecomeLeader(i)
    \/ e.event = "ClientRequest"               /\ R!ClientRequest(i, AppendedValue(e))
    \/ e.event = "AppendEntries"               /\ R!AppendEntries(i, e.msg.to, Len(e.msg.entries))
    \/ e.event = "HandleAppendEntriesRequest"  /\ R!HandleAppendEntriesRequest(i, e.msg)
    \/ e.event = "HandleAppendEntriesResponse" /\ R!HandleAppendEntriesResponse(i, e.msg)
    \/ e.event = "AdvanceCommitIndex"          /\ IF exact THEN R!AdvanceCommitIndex(i)
                                                          ELSE TraceAdvanceCommitIndex(i)
    \/ e.event = "UpdateTerm"                  /\ R!UpdateTerm(i, e.msg)
    \/ e.event = "Restart"                     /\ R!Restart(i)
    \/ e.event = "DropMessage"                 /\ R!DropMessage(e.msg)
    \/ e.event = "DuplicateMessage"            /\ R!DuplicateMessage(e.msg)

-----------------------------------------------------------------------------
(* What a line says about the post-state, one check per spec variable.     *)
(* Each is an action: it relates the state before (unprimed) to the state  *)
(* after (primed).                                                         *)

LoggedFields == {"currentTerm", "votedFor", "log", "role", "commitIndex",
                 "votesGranted", "nextIndex", "matchIndex", "messages"}

\* A scalar field at the line's node: the logged value, or unchanged.
ScalarAgrees(e, var, f) ==
    IF Logs(e, f) THEN var'[e.node] = e.state[f] ELSE Same(var'[e.node], var[e.node])

\* nextIndex and matchIndex are logged for the peers the implementation tracks.
MapAgrees(e, var, f) ==
    IF Logs(e, f)
    THEN \A j \in DOMAIN e.state[f] : j \in DOMAIN var'[e.node] /\ var'[e.node][j] = e.state[f][j]
    ELSE Same(var'[e.node], var[e.node])

\* A log is logged as its new length and the entries from the first changed one.
LogAgrees(e) ==
    IF Logs(e, "log")
    THEN LET lg == e.state.log IN
         /\ Len(log'[e.node]) = lg.len
         /\ \A k \in 1..Len(lg.entries) : log'[e.node][lg.from + k - 1] = lg.entries[k]
    ELSE Same(log'[e.node], log[e.node])

\* The messages the line consumed, sent or (network) lost or copied.
One(m) == SetToBag({m})
MessagesAgree(e) ==
    CASE e.event \in {"RequestVote", "AppendEntries", "DuplicateMessage"} ->
            messages' = messages (+) One(e.msg)
      [] e.event \in {"HandleRequestVoteRequest", "HandleAppendEntriesRequest"} ->
            messages' = (messages (-) One(e.msg)) (+) One(e.reply)
      [] e.event \in {"HandleRequestVoteResponse", "HandleAppendEntriesResponse", "DropMessage"} ->
            messages' = messages (-) One(e.msg)
      [] OTHER -> Same(messages', messages)

FieldAgrees(e, f) ==
    CASE f = "currentTerm"  -> ScalarAgrees(e, currentTerm, f)
      [] f = "votedFor"     -> IF Logs(e, f) THEN votedFor'[e.node] = LoggedVote(e)
                                                  ELSE Same(votedFor'[e.node], votedFor[e.node])
      [] f = "log"          -> LogAgrees(e)
      [] f = "role"         -> ScalarAgrees(e, role, f)
      [] f = "commitIndex"  -> ScalarAgrees(e, commitIndex, f)
      [] f = "votesGranted" -> ScalarAgrees(e, votesGranted, f)
      [] f = "nextIndex"    -> MapAgrees(e, nextIndex, f)
      [] f = "matchIndex"   -> MapAgrees(e, matchIndex, f)
      [] f = "messages"     -> MessagesAgree(e)

Agrees(e) == \A f \in LoggedFields : FieldAgrees(e, f)

-----------------------------------------------------------------------------
(* The trace spec.                                                         *)

\* What the spec alone does on the line's action, ignoring what was logged.
SpecStep(e) == Action(e, FALSE) /\ UNCHANGED auxVars /\ l' = l + 1

\* One line explained: its action, agreeing with its log.
ReplayStep(e) == Action(e, FALSE) /\ Agrees(e) /\ UNCHANGED auxVars /\ l' = l + 1

\* The same with Raft.tla's AdvanceCommitIndex as written (for the equivalence test).
ReplayStepExact(e) == Action(e, TRUE) /\ Agrees(e) /\ UNCHANGED auxVars /\ l' = l + 1

TraceInit == R!Init /\ l = 1

TraceNext == l <= Len(TraceLog) /\ ReplayStep(TraceLog[l])

\* Fails exactly when the whole log has been explained: a plain TLC run of this
\* spec reports this invariant violated on a MATCH and finishes without error
\* on a DIVERGENCE.
NotAllExplained == l <= Len(TraceLog)
=============================================================================
