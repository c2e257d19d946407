------------------------------ MODULE TraceRaft ------------------------------
(***************************************************************************)
(* Trace validation of the Raft implementation against Raft.tla: a trace   *)
(* spec like any other (TraceValidation.tla), for logs that follow the     *)
(* trace contract (TRACE-CONTRACT.md).                                     *)
(*                                                                         *)
(* ReplayStep(e) is the Raft action the line names, with the parameters    *)
(* the line gives, whose post-state agrees with what the line logs.        *)
(* dsverify owns the cursor and keeps every state that explains the lines  *)
(* so far; the log is explained iff the last line can be taken.            *)
(*                                                                         *)
(* The contract logs the post-state of every variable a step changes at    *)
(* its node, so a variable a line does not mention must not change there.  *)
(* The network is the bag of messages in flight: a line's msg and reply    *)
(* pin down what the step consumed and sent.                               *)
(*                                                                         *)
(* Three definitions exist for speed, not meaning; each is the same        *)
(* relation or value as the plain one it stands for (see README.md):       *)
(* TraceAdvanceCommitIndex, Same, and TraceServers (Java computes it from  *)
(* the log in one pass).                                                   *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, Bags, TLC, TraceValidation

\* "No server" (votedFor before a vote): a model value, distinct from every id.
CONSTANT Nil

VARIABLES currentTerm, votedFor, log, role, commitIndex, votesGranted,
          nextIndex, matchIndex, messages,
          \* Raft.tla's fault counters and history are auxiliary: no log line
          \* speaks of them and no action reads them, so they stay at their
          \* initial values here (letting them grow would only grow the states).
          restarts, drops, dups, elections, votes, committed,
          \* pre-vote (logged by the pre-vote events, by a Timeout that ends a
          \* pre-vote phase, and by Restart)
          preCandidate, preVotesGranted,
          \* CheckQuorum: never logged; Raft.tla's actions keep it from the
          \* messages the lines handle, and a CheckQuorum line's role checks it
          heardFrom

\* Log compaction: the snapshot point (logged as snapshotIndex, with the
\* term of its entry as snapshotTerm) and Raft.tla's counter of compactions,
\* auxiliary like the fault counters.
VARIABLES snapshotIndex, compactions

auxVars == <<restarts, drops, dups, elections, votes, committed, compactions>>

-----------------------------------------------------------------------------
(* Reading a line.                                                         *)

Logs(e, f) == Logged(e.state, f)

\* Every server id a line mentions: its node, the ends of its messages, the
\* peers of its nextIndex/matchIndex maps, its votes.
LineServers(e) ==
    {e.node}
    \cup (IF Logged(e, "msg") THEN {e.msg.from, e.msg.to} ELSE {})
    \cup (IF Logged(e, "reply") THEN {e.reply.from, e.reply.to} ELSE {})
    \cup (IF Logs(e, "nextIndex") THEN DOMAIN e.state.nextIndex ELSE {})
    \cup (IF Logs(e, "matchIndex") THEN DOMAIN e.state.matchIndex ELSE {})
    \cup (IF Logs(e, "votesGranted") THEN ToSet(e.state.votesGranted) ELSE {})
    \cup (IF Logs(e, "votedFor") /\ e.state.votedFor # TraceNull THEN {e.state.votedFor} ELSE {})
    \cup (IF Logs(e, "preVotesGranted") THEN ToSet(e.state.preVotesGranted) ELSE {})

\* The cluster is every id the log mentions (a candidate logs one RequestVote
\* per peer, so a log that elects a leader names every server). The bounds of
\* Raft.tla are used only by its Next, never by the actions instantiated here.
TraceServers == UNION {LineServers(TraceLog[k]) : k \in DOMAIN TraceLog}

R == INSTANCE Raft WITH Server <- TraceServers, Value <- STRING,
                        MaxTerm <- 0, MaxLogLen <- 0, MaxBatch <- 0, MaxMsgCount <- 0,
                        MaxRestarts <- 0, MaxDrops <- 0, MaxDups <- 0,
                        MaxCompactions <- 0

\* Equality, with the same meaning as a = b. Java answers at once when both
\* are the very same value (an unchanged variable), instead of walking a long
\* log element by element on every line.
Same(a, b) == a = b

\* A field that logs written before it existed leave out (the rejection hint
\* of AppendEntriesResponse): 0, what a success carries.
OrZero(m, f) == IF f \in DOMAIN m THEN m[f] ELSE 0

\* A logged message as the spec's record: the fields its type has in
\* Raft.tla. The contract adds the sender's Lamport clock, which orders the
\* log and is no part of the protocol.
SpecMsg(m) ==
    CASE m.type = "RequestVoteRequest" ->
            [type |-> m.type, from |-> m.from, to |-> m.to, term |-> m.term,
             lastLogTerm |-> m.lastLogTerm, lastLogIndex |-> m.lastLogIndex]
      [] m.type = "RequestVoteResponse" ->
            [type |-> m.type, from |-> m.from, to |-> m.to, term |-> m.term,
             voteGranted |-> m.voteGranted]
      [] m.type = "AppendEntriesRequest" ->
            [type |-> m.type, from |-> m.from, to |-> m.to, term |-> m.term,
             prevLogIndex |-> m.prevLogIndex, prevLogTerm |-> m.prevLogTerm,
             entries |-> m.entries, commitIndex |-> m.commitIndex]
      [] m.type = "AppendEntriesResponse" ->
            [type |-> m.type, from |-> m.from, to |-> m.to, term |-> m.term,
             success |-> m.success, matchIndex |-> m.matchIndex,
             conflictIndex |-> OrZero(m, "conflictIndex"), conflictTerm |-> OrZero(m, "conflictTerm")]
      [] m.type = "PreVoteRequest" ->
            [type |-> m.type, from |-> m.from, to |-> m.to, term |-> m.term,
             lastLogTerm |-> m.lastLogTerm, lastLogIndex |-> m.lastLogIndex]
      [] m.type = "PreVoteResponse" ->
            [type |-> m.type, from |-> m.from, to |-> m.to, term |-> m.term,
             voteGranted |-> m.voteGranted]
      [] m.type = "InstallSnapshotResponse" ->
            [type |-> m.type, from |-> m.from, to |-> m.to, term |-> m.term,
             success |-> m.success, matchIndex |-> m.matchIndex]

\* A logged snapshot request names its snapshot by index and term; the
\* spec's message also carries the prefix the snapshot stands for, which
\* the implementation sends as state-machine bytes and does not log.  The
\* request meant is the one in flight with the logged fields: a leader's
\* log up to a committed index never changes within its term, so no two
\* such requests differ only in their data.  If none is in flight, a
\* request with no data stands in, which is not in flight either: the step
\* is then not enabled, and the divergence says so.
SnapshotRequestInFlight(lm) ==
    LET Fits(m) == /\ m.type = "InstallSnapshotRequest"
                  /\ m.from = lm.from /\ m.to = lm.to /\ m.term = lm.term
                  /\ m.snapshotIndex = lm.snapshotIndex /\ m.snapshotTerm = lm.snapshotTerm
    IN IF \E m \in DOMAIN messages : Fits(m)
       THEN CHOOSE m \in DOMAIN messages : Fits(m)
       ELSE [type |-> lm.type, from |-> lm.from, to |-> lm.to, term |-> lm.term,
             snapshotIndex |-> lm.snapshotIndex, snapshotTerm |-> lm.snapshotTerm,
             data |-> << >>]

Msg(e) == IF e.msg.type = "InstallSnapshotRequest" THEN SnapshotRequestInFlight(e.msg)
          ELSE SpecMsg(e.msg)
Reply(e) == SpecMsg(e.reply)

\* The snapshot point a CompactLog line logs (0, which no compaction
\* reaches, if it logs none).
CompactedTo(e) == IF Logs(e, "snapshotIndex") THEN e.state.snapshotIndex ELSE 0

\* votedFor is logged as null (no vote) or a server id.
LoggedVote(e) == IF e.state.votedFor = TraceNull THEN Nil ELSE e.state.votedFor

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
    CASE e.event \in {"Timeout", "BecomeLeader", "AdvanceCommitIndex", "Restart", "PreVote",
                      "CheckQuorum"} -> <<i>>
      [] e.event \in {"RequestVote", "RequestPreVote"} -> <<i, e.msg.to>>
      [] e.event \in {"AppendEntries"} -> <<i, e.msg.to, Len(e.msg.entries)>>
      [] e.event \in {"ClientRequest"} -> <<i, AppendedValue(e)>>
      [] e.event \in {"HandleRequestVoteRequest", "HandleRequestVoteResponse",
                      "HandleAppendEntriesRequest", "HandleAppendEntriesResponse",
                      "UpdateTerm", "HandlePreVoteRequest", "HandlePreVoteResponse"} -> <<i, Msg(e)>>
      [] e.event \in {"DropMessage", "DuplicateMessage"} -> <<Msg(e)>>
      [] e.event = "CompactLog" -> <<i, CompactedTo(e)>>
      [] e.event = "InstallSnapshot" -> <<i, e.msg.to>>
      [] e.event \in {"HandleInstallSnapshotRequest",
                      "HandleInstallSnapshotResponse"} -> <<i, Msg(e)>>

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
    /\ UNCHANGED <<currentTerm, votedFor, log, snapshotIndex, role, votesGranted, nextIndex, matchIndex, heardFrom,
                   messages>>
    /\ UNCHANGED <<preCandidate, preVotesGranted>>

-----------------------------------------------------------------------------
(* Lines a crash cut off.                                                  *)
(* A node writes a step's lines once the step's durable state is on disk,  *)
(* and sends the step's messages only after that (TRACE-CONTRACT.md). A   *)
(* node killed between the fsync and the write has durable state no line   *)
(* describes, and its Restart line recovers more than the trace knew. The  *)
(* lost steps sent nothing and their volatile effects die with the crash,   *)
(* so what is left of them is the durable state the Restart line logs. A   *)
(* Restart is therefore also explained by one such lost step of the node   *)
(* before the crash, taken from the spec state the trace reached: a leader *)
(* appending client commands, a timeout, or the handling of a message in    *)
(* flight to it (a newer term adopted, a vote granted, entries merged).    *)
(* Nothing else is excused: a vote forgotten, a term gone back, or an entry *)
(* the trace saw that recovery lacks still diverges here.                   *)

\* The durable state i may have reached in one step whose line was lost.
LostDurableStep(e) ==
    LET i == e.node IN
    \/ \* client commands appended by a leader: entries of its term, the values
       \* as the Restart line logs them (it logs the end of the recovered log)
       /\ role[i] = R!Leader
       /\ Logs(e, "log")
       /\ LET lg == e.state.log IN
            /\ lg.len > Len(log[i])
            /\ lg.from <= Len(log[i]) + 1
            /\ \A k \in 1..Len(lg.entries) :
                  lg.from + k - 1 > Len(log[i]) => lg.entries[k].term = currentTerm[i]
            /\ log' = [log EXCEPT ![i] = SubSeq(@, 1, lg.from - 1) \o lg.entries]
       /\ UNCHANGED <<currentTerm, votedFor>>
    \/ \* an election timeout
       /\ role[i] # R!Leader
       /\ currentTerm' = [currentTerm EXCEPT ![i] = @ + 1]
       /\ votedFor' = [votedFor EXCEPT ![i] = i]
       /\ UNCHANGED log
    \/ \* a message in flight to i: its term adopted, then a vote or entries
       \E m \in DOMAIN messages :
          /\ m.to = i
          /\ m.term >= currentTerm[i]
          \* a pre-vote message moves no term and records no vote
          /\ m.type \notin {"PreVoteRequest", "PreVoteResponse"}
          /\ LET vote == IF m.term > currentTerm[i] THEN Nil ELSE votedFor[i] IN
             /\ currentTerm' = [currentTerm EXCEPT ![i] = m.term]
             /\ \/ /\ m.term > currentTerm[i]
                   /\ votedFor' = [votedFor EXCEPT ![i] = Nil]
                   /\ UNCHANGED log
                \/ /\ m.type = "RequestVoteRequest"
                   /\ vote \in {Nil, m.from}
                   /\ R!CandidateLogOk(i, m)
                   /\ votedFor' = [votedFor EXCEPT ![i] = m.from]
                   /\ UNCHANGED log
                \/ /\ m.type = "AppendEntriesRequest"
                   /\ LET rest == R!AfterSnapshot(i, m) IN
                      /\ R!PrevLogOk(i, rest)
                      /\ votedFor' = [votedFor EXCEPT ![i] = vote]
                      /\ log' = [log EXCEPT ![i] = R!MergeEntries(@, rest.prevLogIndex, rest.entries)]

\* A lost CompactLog: the Restart line logs the snapshot point recovered,
\* which the trace never saw taken (within what i knew was committed).
LostCompaction(e) ==
    LET i == e.node IN
    /\ Logs(e, "snapshotIndex")
    /\ snapshotIndex[i] < e.state.snapshotIndex
    /\ e.state.snapshotIndex <= R!CompactLimit(i)
    /\ snapshotIndex' = [snapshotIndex EXCEPT ![i] = e.state.snapshotIndex]
    /\ UNCHANGED <<currentTerm, votedFor, log>>

\* Restart after a lost step: the durable state above, the volatile state
\* reset as Raft.tla's Restart resets it, the network untouched.
RestartAfterLostLine(e) ==
    /\ e.event = "Restart"
    /\ \/ LostDurableStep(e) /\ UNCHANGED snapshotIndex
       \/ LostCompaction(e)
    \* a recovered snapshot restores the commit index to its point
    /\ R!ResetVolatile(e.node, snapshotIndex'[e.node])
    /\ UNCHANGED messages

-----------------------------------------------------------------------------
(* The step a line names.                                                  *)

\* The step of Raft.tla the line names, with the line's parameters. With
\* exact = FALSE, AdvanceCommitIndex is evaluated as TraceAdvanceCommitIndex.
Action(e, exact) ==
    LET i == e.node IN
    \/ e.event = "Timeout"                     /\ R!Timeout(i)
    \/ e.event = "RequestVote"                 /\ R!RequestVote(i, e.msg.to)
    \/ e.event = "HandleRequestVoteRequest"    /\ R!HandleRequestVoteRequest(i, Msg(e))
    \/ e.event = "HandleRequestVoteResponse"   /\ R!HandleRequestVoteResponse(i, Msg(e))
    \/ e.event = "BecomeLeader"                /\ R!BecomeLeader(i)
    \/ e.event = "ClientRequest"               /\ R!ClientRequest(i, AppendedValue(e))
    \/ e.event = "AppendEntries"               /\ R!AppendEntries(i, e.msg.to, Len(e.msg.entries))
    \/ e.event = "HandleAppendEntriesRequest"  /\ R!HandleAppendEntriesRequest(i, Msg(e))
    \/ e.event = "HandleAppendEntriesResponse" /\ R!HandleAppendEntriesResponse(i, Msg(e))
    \/ e.event = "AdvanceCommitIndex"          /\ IF exact THEN R!AdvanceCommitIndex(i)
                                                          ELSE TraceAdvanceCommitIndex(i)
    \/ e.event = "UpdateTerm"                  /\ R!UpdateTerm(i, Msg(e))
    \/ e.event = "Restart"                     /\ \/ R!Restart(i)
                                                  \/ RestartAfterLostLine(e)
    \/ e.event = "DropMessage"                 /\ R!DropMessage(Msg(e))
    \/ e.event = "DuplicateMessage"            /\ R!DuplicateMessage(Msg(e))
    \/ e.event = "CompactLog"                  /\ R!CompactLog(i, CompactedTo(e))
    \/ e.event = "InstallSnapshot"             /\ R!InstallSnapshot(i, e.msg.to)
    \/ e.event = "HandleInstallSnapshotRequest"  /\ R!HandleInstallSnapshotRequest(i, Msg(e))
    \/ e.event = "HandleInstallSnapshotResponse" /\ R!HandleInstallSnapshotResponse(i, Msg(e))
    \/ e.event = "PreVote"                     /\ R!PreVote(i)
    \/ e.event = "RequestPreVote"              /\ R!RequestPreVote(i, e.msg.to)
    \/ e.event = "HandlePreVoteRequest"        /\ R!HandlePreVoteRequest(i, Msg(e))
    \/ e.event = "HandlePreVoteResponse"       /\ R!HandlePreVoteResponse(i, Msg(e))
    \/ e.event = "CheckQuorum"                 /\ R!CheckQuorum(i)

-----------------------------------------------------------------------------
(* What a line says about the post-state, one check per spec variable.     *)
(* Each is an action: it relates the state before (unprimed) to the state  *)
(* after (primed).                                                         *)

LoggedFields == {"currentTerm", "votedFor", "log", "role", "commitIndex",
                 "votesGranted", "nextIndex", "matchIndex", "messages",
                 "preCandidate", "preVotesGranted"}
                \cup {"snapshotIndex", "snapshotTerm"}

\* A scalar field at the line's node: the logged value, or unchanged.
ScalarAgrees(e, var, f) ==
    IF Logs(e, f) THEN var'[e.node] = e.state[f] ELSE Same(var'[e.node], var[e.node])

\* votesGranted is logged as an array: the set of its elements.
VotesAgree(e) ==
    IF Logs(e, "votesGranted") THEN votesGranted'[e.node] = ToSet(e.state.votesGranted)
    ELSE Same(votesGranted'[e.node], votesGranted[e.node])

PreVotesAgree(e) ==
    IF Logs(e, "preVotesGranted") THEN preVotesGranted'[e.node] = ToSet(e.state.preVotesGranted)
    ELSE Same(preVotesGranted'[e.node], preVotesGranted[e.node])

\* nextIndex and matchIndex are logged for all peers (the contract says so):
\* a map that leaves a peer out would agree with any value for it, so one
\* that leaves out a server the log names is not explained.
MapAgrees(e, var, f) ==
    IF Logs(e, f)
    THEN /\ TraceServers \ {e.node} \subseteq DOMAIN e.state[f]
         /\ \A j \in DOMAIN e.state[f] : j \in DOMAIN var'[e.node] /\ var'[e.node][j] = e.state[f][j]
    ELSE Same(var'[e.node], var[e.node])

\* A log is logged as its new length and the entries from the first changed one.
LogAgrees(e) ==
    IF Logs(e, "log")
    THEN LET lg == e.state.log IN
         /\ Len(log'[e.node]) = lg.len
         /\ \A k \in 1..Len(lg.entries) : log'[e.node][lg.from + k - 1] = lg.entries[k]
    ELSE Same(log'[e.node], log[e.node])

\* snapshotTerm is no variable of Raft.tla: it is the term of the entry at
\* the snapshot point (SnapshotTerm), checked after the step.
SnapshotTermAgrees(e) ==
    IF Logs(e, "snapshotTerm")
    THEN LET k == snapshotIndex'[e.node]
         IN e.state.snapshotTerm = IF k = 0 THEN 0 ELSE log'[e.node][k].term
    ELSE TRUE

\* How many copies of m the bag b holds.
Copies(b, m) == IF m \in DOMAIN b THEN b[m] ELSE 0

\* The line's messages are checked by their counts.  The line's action has
\* made its own change to the bag already (the logged message consumed, its
\* own message sent), so the count of a logged message sent goes up by one
\* exactly when the action sent that very message.  The whole bag is never
\* compared: in a real cluster messages lost without a line (a killed node's)
\* stay in it for good, and comparing them on every line made replay
\* quadratic in the run's length.
Sent(m)     == Copies(messages', m) = Copies(messages, m) + 1
Consumed(m) == Copies(messages', m) = Copies(messages, m) - 1

\* The snapshot request a leader's InstallSnapshot line sends: the spec's,
\* built from the leader's state, whose logged fields must agree.
SentSnapshotAgrees(e) ==
    LET m == R!InstallSnapshotRequestMsg(e.node, e.msg.to)
    IN /\ m.term = e.msg.term
       /\ m.snapshotIndex = e.msg.snapshotIndex
       /\ m.snapshotTerm = e.msg.snapshotTerm
       /\ Sent(m)

\* The messages the line consumed, sent or (network) lost or copied.
MessagesAgree(e) ==
    CASE e.event \in {"RequestVote", "AppendEntries", "DuplicateMessage", "RequestPreVote"} ->
            Sent(Msg(e))
      [] e.event \in {"HandleRequestVoteRequest", "HandleAppendEntriesRequest", "HandlePreVoteRequest",
                      "HandleInstallSnapshotRequest"} ->
            Consumed(Msg(e)) /\ Sent(Reply(e))
      [] e.event \in {"HandleRequestVoteResponse", "HandleAppendEntriesResponse", "DropMessage",
                      "HandlePreVoteResponse", "HandleInstallSnapshotResponse"} ->
            Consumed(Msg(e))
      [] e.event = "InstallSnapshot" -> SentSnapshotAgrees(e)
      [] OTHER -> Same(messages', messages)

FieldAgrees(e, f) ==
    CASE f = "currentTerm"  -> ScalarAgrees(e, currentTerm, f)
      [] f = "votedFor"     -> IF Logs(e, f) THEN votedFor'[e.node] = LoggedVote(e)
                                                  ELSE Same(votedFor'[e.node], votedFor[e.node])
      [] f = "log"          -> LogAgrees(e)
      [] f = "role"         -> ScalarAgrees(e, role, f)
      [] f = "commitIndex"  -> ScalarAgrees(e, commitIndex, f)
      [] f = "votesGranted" -> VotesAgree(e)
      [] f = "nextIndex"    -> MapAgrees(e, nextIndex, f)
      [] f = "matchIndex"   -> MapAgrees(e, matchIndex, f)
      [] f = "messages"     -> MessagesAgree(e)
      [] f = "snapshotIndex" -> ScalarAgrees(e, snapshotIndex, f)
      [] f = "snapshotTerm"  -> SnapshotTermAgrees(e)
      [] f = "preCandidate" -> ScalarAgrees(e, preCandidate, f)
      [] f = "preVotesGranted" -> PreVotesAgree(e)

Agrees(e) == \A f \in LoggedFields : FieldAgrees(e, f)

-----------------------------------------------------------------------------
(* The trace spec.                                                         *)

TraceInit == R!Init

\* One line explained: its action, agreeing with its log.
ReplayStep(e) == Action(e, FALSE) /\ Agrees(e) /\ UNCHANGED auxVars

\* What the spec alone does on the line's action, ignoring what was logged
\* (to explain a divergence).
SpecStep(e) == Action(e, FALSE) /\ UNCHANGED auxVars

\* The same as ReplayStep with Raft.tla's AdvanceCommitIndex as written (a
\* test replays with both).
ReplayStepExact(e) == Action(e, TRUE) /\ Agrees(e) /\ UNCHANGED auxVars
=============================================================================
