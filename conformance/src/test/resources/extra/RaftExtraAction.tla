-------------------------------- MODULE RaftExtraAction --------------------------------
(***************************************************************************)
(* Raft at the level of individual messages: leader election, log         *)
(* replication and commitment, with servers that crash and recover and a  *)
(* network that loses, duplicates and reorders messages.                  *)
(*                                                                         *)
(* Every protocol step is one action whose name is the `event` of the      *)
(* trace contract (TRACE-CONTRACT.md), so a log line of the implementation *)
(* is explained by exactly one action.  The actions themselves carry no    *)
(* model-checking bounds: bounds live in the guard operators of Next       *)
(* (section "Bounds"), which trace validation does not use.                *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, Bags

CONSTANTS
    Server,      \* the set of server ids
    Value,       \* the client commands
    Nil          \* "no server", e.g. votedFor before any vote

\* Model-checking bounds, used only by the guard operators of Next.
CONSTANTS
    MaxTerm,      \* Timeout never raises a term beyond this
    MaxLogLen,    \* ClientRequest never grows a log beyond this
    MaxBatch,     \* an AppendEntries carries at most this many entries
    MaxMsgCount,  \* sends and duplicates stop when this many messages are in flight
    MaxRestarts,  \* total crashes
    MaxDrops,     \* total messages lost
    MaxDups       \* total messages duplicated

\* Model-checking bound of log compaction (snapshots).
CONSTANT
    MaxCompactions  \* total CompactLog steps (0: no server ever takes a snapshot)

ASSUME Nil \notin Server

-----------------------------------------------------------------------------
(* State *)

\* Durable state: written to stable storage before a server answers, so it
\* survives a crash.
VARIABLES currentTerm, votedFor, log

\* Log compaction: entries 1..snapshotIndex[i] of log[i] are covered by i's
\* snapshot.  log[i] stays the whole logical log: its compacted prefix is
\* what the snapshot stands for (the implementation keeps the state machine
\* built from it, and the index and term of its last entry), and no action
\* reads an entry below the snapshot point.  Durable, like the log.
VARIABLE snapshotIndex

durableVars == <<currentTerm, votedFor, log, snapshotIndex>>

\* Volatile state: lost in a crash.
VARIABLES role, commitIndex, votesGranted, nextIndex, matchIndex
\* CheckQuorum: the peers a leader heard from (a message of its term) since
\* it became leader or last checked for a quorum.  Kept whether or not the
\* check is on; only CheckQuorum reads it.
VARIABLE heardFrom
volatileVars == <<role, commitIndex, votesGranted, nextIndex, matchIndex, heardFrom>>

\* The network: a bag of messages in flight, so the same message may be in
\* flight several times and nothing orders delivery.
VARIABLE messages

\* Pre-vote (volatile, like the implementation's flag): whether a server is
\* in its pre-vote phase, and the pre-votes it holds there, its own included.
\* A pre-candidate keeps its role: a candidate whose election timer fires
\* again asks for pre-votes while it can still win its current term.
VARIABLES preCandidate, preVotesGranted
preVoteVars == <<preCandidate, preVotesGranted>>

protocolVars == <<durableVars, volatileVars, messages, preVoteVars>>

\* Auxiliary: how many faults have happened so far.  Bounding them makes
\* the models finite and makes faults stop, which liveness needs.
VARIABLES restarts, drops, dups
\* How many CompactLog steps were taken, to bound them like the faults.
VARIABLE compactions
faultVars == <<restarts, drops, dups, compactions>>

\* Auxiliary history, never read by the protocol; the safety properties are
\* stated over it because the protocol state forgets (a leader steps down,
\* a crash erases commitIndex).
\*   elections: every [term, leader] pair that ever held.
\*   votes:     every [term, voter, candidate] vote ever cast.
\*   committed: the longest prefix any server ever marked committed, each
\*              entry with the term in which it was first marked committed.
VARIABLES elections, votes, committed
historyVars == <<elections, votes, committed>>

vars == <<protocolVars, faultVars, historyVars>>

-----------------------------------------------------------------------------
(* Values *)

Follower  == "Follower"
Candidate == "Candidate"
Leader    == "Leader"

Entry == [term : Nat, value : Value]

Message ==
         [type : {"RequestVoteRequest"}, from : Server, to : Server, term : Nat,
          lastLogTerm : Nat, lastLogIndex : Nat]
    \cup [type : {"RequestVoteResponse"}, from : Server, to : Server, term : Nat,
          voteGranted : BOOLEAN]
    \cup [type : {"AppendEntriesRequest"}, from : Server, to : Server, term : Nat,
          prevLogIndex : Nat, prevLogTerm : Nat, entries : Seq(Entry), commitIndex : Nat]
    \cup [type : {"AppendEntriesResponse"}, from : Server, to : Server, term : Nat,
          success : BOOLEAN, matchIndex : Nat, conflictIndex : Nat, conflictTerm : Nat]
    \* The snapshot travels as the prefix it stands for (`data`); the
    \* implementation sends the state machine built from it.
    \cup [type : {"InstallSnapshotRequest"}, from : Server, to : Server, term : Nat,
          snapshotIndex : Nat, snapshotTerm : Nat, data : Seq(Entry)]
    \cup [type : {"InstallSnapshotResponse"}, from : Server, to : Server, term : Nat,
          success : BOOLEAN, matchIndex : Nat]
    \cup [type : {"PreVoteRequest"}, from : Server, to : Server, term : Nat,
          lastLogTerm : Nat, lastLogIndex : Nat]
    \cup [type : {"PreVoteResponse"}, from : Server, to : Server, term : Nat,
          voteGranted : BOOLEAN]

Min(a, b) == IF a < b THEN a ELSE b
Max(a, b) == IF a > b THEN a ELSE b

LastTerm(xlog) == IF Len(xlog) = 0 THEN 0 ELSE xlog[Len(xlog)].term

\* The term of the last entry i's snapshot covers (0: no snapshot).
SnapshotTerm(i) == IF snapshotIndex[i] = 0 THEN 0 ELSE log[i][snapshotIndex[i]].term

\* A majority.  Any two intersect, which is what makes one leader per term
\* and durable commitment possible.
IsQuorum(S) == Cardinality(S) * 2 > Cardinality(Server)

Send(m)     == messages' = messages (+) SetToBag({m})
Discard(m)  == messages' = messages (-) SetToBag({m})
Reply(r, m) == messages' = (messages (-) SetToBag({m})) (+) SetToBag({r})

InFlight(m) == m \in DOMAIN messages

\* The pre-vote phase of i is over (i times out, leads, hears from a leader
\* of its term, or sees a newer term); the pre-votes it held are dead.
EndPreVote(i) ==
    /\ preCandidate' = [preCandidate EXCEPT ![i] = FALSE]
    /\ UNCHANGED preVotesGranted

\* Handling m, a leader learns that m's sender is alive and in its term.
\* Only a message of the leader's own term counts (a separate operator so
\* that a variant can change it).
HeardCounts(i, m) == m.term = currentTerm[i]

Heard(i, m) ==
    heardFrom' = IF role[i] = Leader /\ HeardCounts(i, m)
                 THEN [heardFrom EXCEPT ![i] = @ \cup {m.from}]
                 ELSE heardFrom

-----------------------------------------------------------------------------
(* Initial state *)

Init ==
    /\ currentTerm  = [i \in Server |-> 0]
    /\ votedFor     = [i \in Server |-> Nil]
    /\ log          = [i \in Server |-> <<>>]
    /\ snapshotIndex = [i \in Server |-> 0]
    /\ role         = [i \in Server |-> Follower]
    /\ commitIndex  = [i \in Server |-> 0]
    /\ votesGranted = [i \in Server |-> {}]
    /\ nextIndex    = [i \in Server |-> [j \in Server |-> 1]]
    /\ matchIndex   = [i \in Server |-> [j \in Server |-> 0]]
    /\ heardFrom    = [i \in Server |-> {}]
    /\ messages     = EmptyBag
    /\ preCandidate = [i \in Server |-> FALSE] /\ preVotesGranted = [i \in Server |-> {}]
    /\ restarts = 0 /\ drops = 0 /\ dups = 0 /\ compactions = 0
    /\ elections = {} /\ votes = {} /\ committed = <<>>

-----------------------------------------------------------------------------
(* Leader election *)

\* A follower or candidate that heard from no leader starts an election in
\* a new term and votes for itself.  A leader never times out: its own
\* heartbeats are what keep the others from doing so.  A pre-candidate times
\* out only once a majority granted it a pre-vote (with pre-vote off no
\* server is ever a pre-candidate), and its pre-vote phase is then over.
Timeout(i) ==
    /\ role[i] \in {Follower, Candidate}
    /\ preCandidate[i] => IsQuorum(preVotesGranted[i])
    /\ EndPreVote(i)
    /\ currentTerm'  = [currentTerm EXCEPT ![i] = @ + 1]
    /\ role'         = [role EXCEPT ![i] = Candidate]
    /\ votedFor'     = [votedFor EXCEPT ![i] = i]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {i}]
    /\ UNCHANGED <<log, snapshotIndex, commitIndex, nextIndex, matchIndex, heardFrom, messages>>

RequestVoteRequestMsg(i, j) ==
    [type |-> "RequestVoteRequest", from |-> i, to |-> j, term |-> currentTerm[i],
     lastLogTerm |-> LastTerm(log[i]), lastLogIndex |-> Len(log[i])]

\* A candidate asks one peer for its vote, describing its log so the peer
\* can refuse a candidate that may lack committed entries.
RequestVote(i, j) ==
    /\ role[i] = Candidate
    /\ j # i
    /\ Send(RequestVoteRequestMsg(i, j))
    /\ UNCHANGED <<durableVars, volatileVars>>
    /\ UNCHANGED preVoteVars

\* The candidate's log is at least as up to date as i's: a later last term,
\* or the same last term and at least as long.  Every committed entry is on
\* a majority, so a candidate that passes this check at a majority holds
\* every committed entry.
CandidateLogOk(i, m) ==
    \/ m.lastLogTerm > LastTerm(log[i])
    \/ /\ m.lastLogTerm = LastTerm(log[i])
       /\ m.lastLogIndex >= Len(log[i])

\* A server answers a vote request.  A request from a higher term first
\* goes through UpdateTerm, hence m.term <= currentTerm[i].  The vote is
\* granted only in the current term, to an up-to-date candidate, and only
\* if i has not voted for someone else in this term: one vote per term is
\* what makes a majority of votes unique.
HandleRequestVoteRequest(i, m) ==
    /\ InFlight(m)
    /\ m.type = "RequestVoteRequest"
    /\ m.to = i
    /\ m.term <= currentTerm[i]
    /\ LET grant == /\ m.term = currentTerm[i]
                    /\ CandidateLogOk(i, m)
                    /\ votedFor[i] \in {Nil, m.from}
       IN /\ votedFor' = IF grant THEN [votedFor EXCEPT ![i] = m.from] ELSE votedFor
          /\ Reply([type |-> "RequestVoteResponse", from |-> i, to |-> m.from,
                    term |-> currentTerm[i], voteGranted |-> grant], m)
    /\ Heard(i, m)
    /\ UNCHANGED <<currentTerm, log, snapshotIndex, role, commitIndex, votesGranted, nextIndex, matchIndex>>
    /\ UNCHANGED preVoteVars

\* A server consumes a vote response.  Only a candidate still in the term of
\* the vote may count it: a vote from an earlier term was cast for an
\* election that is over.
HandleRequestVoteResponse(i, m) ==
    /\ InFlight(m)
    /\ m.type = "RequestVoteResponse"
    /\ m.to = i
    /\ m.term <= currentTerm[i]
    /\ votesGranted' =
         IF role[i] = Candidate /\ m.term = currentTerm[i] /\ m.voteGranted
         THEN [votesGranted EXCEPT ![i] = @ \cup {m.from}]
         ELSE votesGranted
    /\ Discard(m)
    /\ Heard(i, m)
    /\ UNCHANGED <<durableVars, role, commitIndex, nextIndex, matchIndex>>
    /\ UNCHANGED preVoteVars

\* Whether the votes i holds make it leader (a separate operator so that a
\* variant can change the counting).
HasVoteQuorum(i) == IsQuorum(votesGranted[i])

\* A candidate with votes from a majority of its term becomes leader.  It
\* knows nothing about the followers' logs yet, so it starts optimistic
\* (nextIndex just past its own log) and assumes no replication (matchIndex 0).
BecomeLeader(i) ==
    /\ role[i] = Candidate
    /\ HasVoteQuorum(i)
    /\ role'       = [role EXCEPT ![i] = Leader]
    /\ nextIndex'  = [nextIndex EXCEPT ![i] = [j \in Server |-> Len(log[i]) + 1]]
    /\ matchIndex' = [matchIndex EXCEPT ![i] = [j \in Server |-> 0]]
    /\ heardFrom'  = [heardFrom EXCEPT ![i] = {}]
    /\ UNCHANGED <<durableVars, commitIndex, votesGranted, messages>>
    /\ EndPreVote(i)

-----------------------------------------------------------------------------
(* Pre-vote (thesis section 9.6) *)

\* A server whose election timer fires may first ask whether it could win
\* an election in the next term, without entering that term: a server cut
\* off from the cluster then keeps its term, and does not disrupt the
\* leader when it returns.  Nothing of this changes a term or a vote.

\* i's election timer fires with pre-vote on: it starts (or restarts) its
\* pre-vote phase, holding only its own pre-vote.  Its role stays.
PreVote(i) ==
    /\ role[i] \in {Follower, Candidate}
    /\ preCandidate'    = [preCandidate EXCEPT ![i] = TRUE]
    /\ preVotesGranted' = [preVotesGranted EXCEPT ![i] = {i}]
    /\ UNCHANGED <<durableVars, volatileVars, messages>>

PreVoteRequestMsg(i, j) ==
    [type |-> "PreVoteRequest", from |-> i, to |-> j, term |-> currentTerm[i] + 1,
     lastLogTerm |-> LastTerm(log[i]), lastLogIndex |-> Len(log[i])]

\* A pre-candidate asks a peer whether it would vote for it in the next term.
RequestPreVote(i, j) ==
    /\ preCandidate[i]
    /\ j # i
    /\ Send(PreVoteRequestMsg(i, j))
    /\ UNCHANGED <<durableVars, volatileVars, preVoteVars>>

\* Whether i would grant a pre-vote: the asked-for term is beyond its own
\* and the asker's log is up to date, as for a real vote; and i hears from
\* no leader.  A leader always does; whether a follower heard from one
\* within the election timeout is timing, which the spec leaves open (the
\* follower may then refuse); a candidate has heard from none.
PreVoteGrantable(i, m) ==
    /\ m.term > currentTerm[i]
    /\ CandidateLogOk(i, m)
    /\ role[i] # Leader

\* The vote i holds after answering a pre-vote: unchanged, since a pre-vote
\* promises nothing (a separate operator so that a variant can change it).
VoteAfterPreVote(i, m, grant) == votedFor[i]

\* A server answers a pre-vote request of any term: it neither adopts the
\* term asked for (that is the point) nor records a vote.  A grant carries
\* the asked-for term, a refusal i's own.
HandlePreVoteRequest(i, m) ==
    /\ InFlight(m)
    /\ m.type = "PreVoteRequest"
    /\ m.to = i
    /\ \E heardLeader \in IF role[i] = Follower THEN BOOLEAN ELSE {role[i] = Leader} :
          LET grant == PreVoteGrantable(i, m) /\ ~heardLeader
          IN /\ votedFor' = [votedFor EXCEPT ![i] = VoteAfterPreVote(i, m, grant)]
             /\ Reply([type |-> "PreVoteResponse", from |-> i, to |-> m.from,
                       term |-> IF grant THEN m.term ELSE currentTerm[i], voteGranted |-> grant], m)
    /\ UNCHANGED <<currentTerm, log, snapshotIndex, volatileVars, preVoteVars>>

\* A server consumes a pre-vote response of any term (it never moves a
\* term).  Only a pre-candidate counts a grant, and only one for the term
\* it asks for: a grant left over from an earlier round may be for a term
\* i has since entered.
HandlePreVoteResponse(i, m) ==
    /\ InFlight(m)
    /\ m.type = "PreVoteResponse"
    /\ m.to = i
    /\ preVotesGranted' =
         IF preCandidate[i] /\ m.voteGranted /\ m.term = currentTerm[i] + 1
         THEN [preVotesGranted EXCEPT ![i] = @ \cup {m.from}]
         ELSE preVotesGranted
    /\ Discard(m)
    /\ UNCHANGED <<durableVars, volatileVars, preCandidate>>

-----------------------------------------------------------------------------
(* CheckQuorum (thesis section 6.2) *)

\* A leader cut off from a majority keeps its role until it hears of a
\* newer term, and meanwhile still takes commands it cannot commit.  With
\* CheckQuorum a leader checks, once per election timeout, whether it heard
\* from a majority (itself included) since the last check, and steps down
\* if not.  When the check runs is timing, which the spec leaves open; what
\* it decides is not.

\* Whether the peers i heard from make a majority with i (a separate
\* operator so that a variant can change the counting).
QuorumHeard(i) == IsQuorum(heardFrom[i] \cup {i})

CheckQuorum(i) ==
    /\ role[i] = Leader
    /\ role'      = [role EXCEPT ![i] = IF QuorumHeard(i) THEN Leader ELSE Follower]
    /\ heardFrom' = [heardFrom EXCEPT ![i] = {}]
    /\ UNCHANGED <<durableVars, commitIndex, votesGranted, nextIndex, matchIndex, messages, preVoteVars>>

-----------------------------------------------------------------------------
(* Log replication *)

\* Only a leader accepts commands; it appends them in its own term.
ClientRequest(i, v) ==
    /\ role[i] = Leader
    /\ log' = [log EXCEPT ![i] = Append(@, [term |-> currentTerm[i], value |-> v])]
    /\ UNCHANGED <<currentTerm, votedFor, snapshotIndex, volatileVars, messages>>
    /\ UNCHANGED preVoteVars

AppendEntriesRequestMsg(i, j, n) ==
    LET prev == nextIndex[i][j] - 1
    IN [type |-> "AppendEntriesRequest", from |-> i, to |-> j, term |-> currentTerm[i],
        prevLogIndex |-> prev,
        prevLogTerm |-> IF prev > 0 THEN log[i][prev].term ELSE 0,
        entries |-> SubSeq(log[i], prev + 1, prev + n),
        commitIndex |-> Min(commitIndex[i], prev + n)]

\* A leader sends peer j the n entries from nextIndex[i][j] on (n = 0 is a
\* heartbeat), together with the entry just before them so that j can check
\* that its log agrees up to there.  The commit index sent is capped at the
\* last entry sent: j may not have the leader's entries beyond it.  Entries
\* the leader has compacted are gone: a peer that needs them gets the
\* snapshot instead (InstallSnapshot).
AppendEntries(i, j, n) ==
    /\ role[i] = Leader
    /\ j # i
    /\ nextIndex[i][j] > snapshotIndex[i]
    /\ nextIndex[i][j] - 1 + n <= Len(log[i])
    /\ Send(AppendEntriesRequestMsg(i, j, n))
    /\ UNCHANGED <<durableVars, volatileVars>>
    /\ UNCHANGED preVoteVars

\* The log-matching check: i holds the entry preceding the new ones, with
\* the leader's term.  By induction it then agrees with the leader on the
\* whole prefix.
PrevLogOk(i, m) ==
    IF m.prevLogIndex = 0 THEN TRUE
    ELSE /\ m.prevLogIndex <= Len(log[i])
         /\ log[i][m.prevLogIndex].term = m.prevLogTerm

\* i's log after accepting entries ents placed after index prev: entries
\* that are already there with the same term are kept (a delayed or
\* duplicated request must not cut off later entries); from the first
\* conflicting or missing position on, the log is replaced by the rest of ents.
MergeEntries(xlog, prev, ents) ==
    LET diff == {k \in 1..Len(ents) : \/ prev + k > Len(xlog)
                                      \/ xlog[prev + k].term # ents[k].term}
    IN IF diff = {} THEN xlog
       ELSE LET k == CHOOSE d \in diff : \A e \in diff : d <= e
            IN SubSeq(xlog, 1, prev + k - 1) \o SubSeq(ents, k, Len(ents))

\* The part of request m that lies beyond i's snapshot, as a request of its
\* own (prevLogIndex, prevLogTerm, entries).  Entries up to the snapshot
\* point are committed, hence the leader's: i skips them without looking,
\* since it no longer has them; the last skipped entry becomes the one to
\* check.  A request the snapshot covers entirely leaves nothing to check.
\* Without a snapshot this is m itself.
AfterSnapshot(i, m) ==
    IF m.prevLogIndex >= snapshotIndex[i]
    THEN [prevLogIndex |-> m.prevLogIndex, prevLogTerm |-> m.prevLogTerm, entries |-> m.entries]
    ELSE LET cut == snapshotIndex[i] - m.prevLogIndex
         IN IF cut >= Len(m.entries)
            THEN [prevLogIndex |-> snapshotIndex[i], prevLogTerm |-> SnapshotTerm(i),
                  entries |-> << >>]
            ELSE [prevLogIndex |-> snapshotIndex[i], prevLogTerm |-> m.entries[cut].term,
                  entries |-> SubSeq(m.entries, cut + 1, Len(m.entries))]

\* The hint a rejection carries, so that the leader need not probe back one
\* entry per round trip.  When i's entry at prevLogIndex conflicts with the
\* request, conflictTerm is its term and conflictIndex the first index of i's
\* log with that term: all of them are suspect.  When i has no entry there,
\* conflictIndex is just past i's log.  Otherwise (a request of a stale term
\* whose check would pass) the hint says nothing: prevLogIndex + 1.  Entries
\* in i's snapshot are committed, never in conflict: the search for the first
\* entry of the conflicting term stops above the snapshot point.  `r` is the
\* [prevLogIndex, prevLogTerm] part of a request (m, or m AfterSnapshot).
FirstIndexOfTerm(i, t, k) ==
    CHOOSE j \in (snapshotIndex[i] + 1)..k :
        /\ log[i][j].term = t
        /\ \A l \in (snapshotIndex[i] + 1)..(j - 1) : log[i][l].term # t

ConflictHint(i, r) ==
    IF r.prevLogIndex > Len(log[i])
    THEN [conflictIndex |-> Len(log[i]) + 1, conflictTerm |-> 0]
    ELSE IF r.prevLogIndex > snapshotIndex[i] /\ log[i][r.prevLogIndex].term # r.prevLogTerm
         THEN LET t == log[i][r.prevLogIndex].term
              IN [conflictIndex |-> FirstIndexOfTerm(i, t, r.prevLogIndex), conflictTerm |-> t]
         ELSE [conflictIndex |-> r.prevLogIndex + 1, conflictTerm |-> 0]

\* A server handles an append request of its current or an earlier term (a
\* higher term first goes through UpdateTerm).  It rejects a stale leader
\* and a request whose preceding entry it lacks, with a hint where to retry
\* (ConflictHint); then the leader retries further back.  Otherwise the sender is the leader of i's term: a
\* candidate of that term has lost and returns to follower, and the log is
\* made to agree with the leader's through the last entry sent.  A leader
\* never sees a request of its own term (one leader per term), so the
\* accepting branch is not enabled for it.
HandleAppendEntriesRequest(i, m) ==
    /\ InFlight(m)
    /\ m.type = "AppendEntriesRequest"
    /\ m.to = i
    /\ m.term <= currentTerm[i]
    \* a request of i's own term shows a leader is alive: no pre-vote now
    /\ IF m.term = currentTerm[i] THEN EndPreVote(i) ELSE UNCHANGED preVoteVars
    /\ Heard(i, m)
    /\ LET last == m.prevLogIndex + Len(m.entries)
           rest == AfterSnapshot(i, m)
           \* a stale request is refused as it came; a current one after the snapshot
           hint == IF m.term < currentTerm[i] THEN ConflictHint(i, m) ELSE ConflictHint(i, rest)
           reject == Reply([type |-> "AppendEntriesResponse", from |-> i, to |-> m.from,
                            term |-> currentTerm[i], success |-> FALSE, matchIndex |-> 0,
                            conflictIndex |-> hint.conflictIndex, conflictTerm |-> hint.conflictTerm], m)
       IN \/ /\ \/ m.term < currentTerm[i]
                \/ /\ m.term = currentTerm[i]
                   /\ ~PrevLogOk(i, rest)
             /\ reject
             /\ UNCHANGED <<durableVars, role, commitIndex, votesGranted, nextIndex, matchIndex>>
          \/ /\ m.term = currentTerm[i]
             /\ role[i] # Leader
             /\ PrevLogOk(i, rest)
             /\ role' = [role EXCEPT ![i] = Follower]
             /\ log' = [log EXCEPT ![i] = MergeEntries(@, rest.prevLogIndex, rest.entries)]
             /\ commitIndex' = [commitIndex EXCEPT ![i] = Max(@, Min(m.commitIndex, last))]
             /\ Reply([type |-> "AppendEntriesResponse", from |-> i, to |-> m.from,
                       term |-> currentTerm[i], success |-> TRUE, matchIndex |-> last,
                       conflictIndex |-> 0, conflictTerm |-> 0], m)
             /\ UNCHANGED <<currentTerm, votedFor, snapshotIndex, votesGranted, nextIndex, matchIndex>>

\* Where leader i probes next after a rejection m: just past its own last
\* entry of the conflicting term when it has one (its log and the
\* follower's agree up to there), else the follower's conflictIndex.  A
\* rejection never hints at 0 (ConflictHint is at least 1); a response
\* without a hint (conflictIndex 0: a log written before hints existed)
\* moves one step back.
BacktrackHint(i, m) ==
    \* below its snapshot point the leader no longer knows its entries' terms
    LET ofTerm == {k \in Max(snapshotIndex[i], 1)..Len(log[i]) : log[i][k].term = m.conflictTerm}
    IN IF m.conflictTerm > 0 /\ ofTerm # {}
       THEN (CHOOSE k \in ofTerm : \A l \in ofTerm : k >= l) + 1
       ELSE IF m.conflictIndex = 0 THEN nextIndex[i][m.from] - 1
       ELSE m.conflictIndex

\* A server consumes an append response.  Only the leader of the response's
\* term acts on it.  Responses arrive out of order and duplicated, so
\* success only ever raises matchIndex and nextIndex; a failure moves
\* nextIndex back to the hint, but at least one step (a stale or useless
\* hint then costs no more than probing one entry at a time) and never
\* below 1.  Any nextIndex is safe: the log-matching check guards the rest.
HandleAppendEntriesResponse(i, m) ==
    /\ InFlight(m)
    /\ m.type = "AppendEntriesResponse"
    /\ m.to = i
    /\ m.term <= currentTerm[i]
    /\ LET j == m.from
           act == role[i] = Leader /\ m.term = currentTerm[i]
       IN /\ nextIndex' =
               IF ~act THEN nextIndex
               ELSE IF m.success
                    THEN [nextIndex EXCEPT ![i][j] = Max(@, m.matchIndex + 1)]
                    ELSE [nextIndex EXCEPT ![i][j] = Max(Min(@ - 1, BacktrackHint(i, m)), 1)]
          /\ matchIndex' =
               IF act /\ m.success
               THEN [matchIndex EXCEPT ![i][j] = Max(@, m.matchIndex)]
               ELSE matchIndex
    /\ Discard(m)
    /\ Heard(i, m)
    /\ UNCHANGED <<durableVars, role, commitIndex, votesGranted>>
    /\ UNCHANGED preVoteVars

\* Servers known to store index k of leader i's log (i itself included).
Agree(i, k) == {i} \cup {j \in Server \ {i} : matchIndex[i][j] >= k}

\* A leader may count replicas only for an entry of its own term.  An entry
\* of an earlier term on a majority can still be overwritten by a leader
\* elected without it (Figure 8 of the Raft paper); it becomes committed
\* indirectly, as a prefix of a current-term entry.
CommitEligible(i, k) == log[i][k].term = currentTerm[i]

\* A leader raises its commit index to the largest eligible index stored on
\* a majority.
AdvanceCommitIndex(i) ==
    /\ role[i] = Leader
    /\ LET ok == {k \in 1..Len(log[i]) : IsQuorum(Agree(i, k)) /\ CommitEligible(i, k)}
           top == CHOOSE k \in ok : \A l \in ok : k >= l
       IN /\ ok # {}
          /\ top > commitIndex[i]
          /\ commitIndex' = [commitIndex EXCEPT ![i] = top]
    /\ UNCHANGED <<durableVars, role, votesGranted, nextIndex, matchIndex, heardFrom, messages>>
    /\ UNCHANGED preVoteVars

-----------------------------------------------------------------------------
(* Log compaction and InstallSnapshot *)

\* The highest index a server may compact to: what it knows is committed
\* (the implementation compacts what it has applied, which never passes the
\* commit index).  A separate operator so that a variant can change it.
CompactLimit(i) == Min(commitIndex[i], Len(log[i]))

\* A server replaces the prefix 1..k of its log by a snapshot.  Only
\* committed entries may go: a snapshot cannot be undone, and an entry that
\* is not committed may still have to be overwritten.
CompactLog(i, k) ==
    /\ snapshotIndex[i] < k
    /\ k <= CompactLimit(i)
    /\ snapshotIndex' = [snapshotIndex EXCEPT ![i] = k]
    /\ UNCHANGED <<currentTerm, votedFor, log, volatileVars, messages, preVoteVars>>

InstallSnapshotRequestMsg(i, j) ==
    [type |-> "InstallSnapshotRequest", from |-> i, to |-> j, term |-> currentTerm[i],
     snapshotIndex |-> snapshotIndex[i], snapshotTerm |-> SnapshotTerm(i),
     data |-> SubSeq(log[i], 1, snapshotIndex[i])]

\* A leader whose peer needs an entry it has compacted (nextIndex at or
\* below its snapshot point) sends its snapshot in place of AppendEntries.
InstallSnapshot(i, j) ==
    /\ role[i] = Leader
    /\ j # i
    /\ nextIndex[i][j] <= snapshotIndex[i]
    /\ Send(InstallSnapshotRequestMsg(i, j))
    /\ UNCHANGED <<durableVars, volatileVars, preVoteVars>>

\* Whether i keeps the entries after the snapshot point when it installs the
\* snapshot of m: only if it holds the snapshot's last entry with the same
\* term, so that by log matching they extend the snapshot.  A separate
\* operator so that a variant can change it.
KeepsSuffix(i, m) ==
    /\ m.snapshotIndex <= Len(log[i])
    /\ log[i][m.snapshotIndex].term = m.snapshotTerm

\* A server handles a snapshot of its current or an earlier term (a higher
\* term first goes through UpdateTerm).  A stale leader is refused.  The
\* leader of i's term is obeyed as by an append request (a candidate
\* returns to follower); a snapshot beyond what i knows is committed
\* replaces i's log up to its point, and i's commit index moves there (the
\* snapshot holds only committed entries).  A snapshot i's commit index
\* already covers changes nothing: its entries are committed in i's log.
\* Either way i now holds the leader's log up to the snapshot point.
HandleInstallSnapshotRequest(i, m) ==
    /\ InFlight(m)
    /\ m.type = "InstallSnapshotRequest"
    /\ m.to = i
    /\ m.term <= currentTerm[i]
    /\ Heard(i, m)
    /\ \/ /\ m.term < currentTerm[i]
          /\ Reply([type |-> "InstallSnapshotResponse", from |-> i, to |-> m.from,
                    term |-> currentTerm[i], success |-> FALSE, matchIndex |-> 0], m)
          /\ UNCHANGED <<durableVars, role, commitIndex, votesGranted, nextIndex, matchIndex, preVoteVars>>
       \/ /\ m.term = currentTerm[i]
          /\ role[i] # Leader
          \* as an append request: a leader of i's term is alive, no pre-vote now
          /\ EndPreVote(i)
          /\ role' = [role EXCEPT ![i] = Follower]
          /\ IF m.snapshotIndex > commitIndex[i]
             THEN /\ log' = [log EXCEPT ![i] =
                             IF KeepsSuffix(i, m)
                             THEN m.data \o SubSeq(@, m.snapshotIndex + 1, Len(@))
                             ELSE m.data]
                  /\ snapshotIndex' = [snapshotIndex EXCEPT ![i] = m.snapshotIndex]
                  /\ commitIndex' = [commitIndex EXCEPT ![i] = m.snapshotIndex]
             ELSE UNCHANGED <<log, snapshotIndex, commitIndex>>
          /\ Reply([type |-> "InstallSnapshotResponse", from |-> i, to |-> m.from,
                    term |-> currentTerm[i], success |-> TRUE,
                    matchIndex |-> m.snapshotIndex], m)
          /\ UNCHANGED <<currentTerm, votedFor, votesGranted, nextIndex, matchIndex>>

\* A server consumes a snapshot response.  The leader of its term takes a
\* success as an append success: the peer holds the log up to matchIndex.
\* A refusal comes only from a later term, so there is nothing to retry.
HandleInstallSnapshotResponse(i, m) ==
    /\ InFlight(m)
    /\ m.type = "InstallSnapshotResponse"
    /\ m.to = i
    /\ m.term <= currentTerm[i]
    /\ LET j == m.from
           act == role[i] = Leader /\ m.term = currentTerm[i] /\ m.success
       IN /\ nextIndex' = IF act THEN [nextIndex EXCEPT ![i][j] = Max(@, m.matchIndex + 1)]
                                 ELSE nextIndex
          /\ matchIndex' = IF act THEN [matchIndex EXCEPT ![i][j] = Max(@, m.matchIndex)]
                                  ELSE matchIndex
    /\ Discard(m)
    /\ Heard(i, m)
    /\ UNCHANGED <<durableVars, role, commitIndex, votesGranted, preVoteVars>>

-----------------------------------------------------------------------------
(* Terms, crashes and the network *)

\* The role a server takes when it adopts a newer term from message m.
\* Whatever it was, its term is over: it cannot lead or campaign in a term
\* it did not win.
RoleAfterNewTerm(i, m) == Follower

\* A server that sees a newer term adopts it and forgets its vote (it has
\* not voted in the new term).  The message stays in flight: the matching
\* Handle step consumes it in the new term.
UpdateTerm(i, m) ==
    /\ InFlight(m)
    /\ m.to = i
    \* a pre-vote message carries a term no one has entered: never adopted
    /\ m.type \notin {"PreVoteRequest", "PreVoteResponse"}
    /\ m.term > currentTerm[i]
    /\ currentTerm' = [currentTerm EXCEPT ![i] = m.term]
    /\ role'        = [role EXCEPT ![i] = RoleAfterNewTerm(i, m)]
    /\ votedFor'    = [votedFor EXCEPT ![i] = Nil]
    /\ UNCHANGED <<log, snapshotIndex, commitIndex, votesGranted, nextIndex, matchIndex, heardFrom, messages>>
    /\ EndPreVote(i)

\* A crash followed by recovery: durable state is read back, volatile state
\* restarts from its initial value.  Forgetting commitIndex is safe because
\* committed entries stay in the durable log and the leader re-announces
\* the commit index.  A recovered snapshot holds only committed entries, so
\* the commit index restarts at its point (the state machine is restored
\* from it).
\* The vote i finds on stable storage when it recovers: the one it cast,
\* since it was written before the vote left i.
RecoveredVote(i) == votedFor[i]

\* What a crash erases: i's volatile state back to its initial value; the commit
\* index restarts at the index of the snapshot recovered, which is committed.
ResetVolatile(i, recoveredSnapshot) ==
    /\ role'         = [role EXCEPT ![i] = Follower]
    /\ commitIndex'  = [commitIndex EXCEPT ![i] = recoveredSnapshot]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
    /\ nextIndex'    = [nextIndex EXCEPT ![i] = [j \in Server |-> 1]]
    /\ matchIndex'   = [matchIndex EXCEPT ![i] = [j \in Server |-> 0]]
    /\ heardFrom'    = [heardFrom EXCEPT ![i] = {}]
    /\ preCandidate'    = [preCandidate EXCEPT ![i] = FALSE]
    /\ preVotesGranted' = [preVotesGranted EXCEPT ![i] = {}]

Restart(i) ==
    /\ votedFor' = [votedFor EXCEPT ![i] = RecoveredVote(i)]
    /\ ResetVolatile(i, snapshotIndex[i])
    /\ UNCHANGED <<currentTerm, log, snapshotIndex, messages>>

\* The network loses a message.
DropMessage(m) ==
    /\ InFlight(m)
    /\ Discard(m)
    /\ UNCHANGED <<durableVars, volatileVars>>
    /\ UNCHANGED preVoteVars

\* The network delivers one more copy of a message.
DuplicateMessage(m) ==
    /\ InFlight(m)
    /\ Send(m)
    /\ UNCHANGED <<durableVars, volatileVars>>
    /\ UNCHANGED preVoteVars

-----------------------------------------------------------------------------
(* History *)

\* Extends the history variables by what holds after the step; the same for
\* every action, so the actions above need not know about the history.
CommittedPrefix(i) == Min(commitIndex'[i], Len(log'[i]))

RecordHistory ==
    /\ elections' = elections \cup
         {[term |-> currentTerm'[i], leader |-> i] : i \in {s \in Server : role'[s] = Leader}}
    /\ votes' = votes \cup
         {[term |-> currentTerm'[i], voter |-> i, candidate |-> votedFor'[i]] :
             i \in {s \in Server : votedFor'[s] # Nil}}
    /\ committed' =
         LET s == CHOOSE s \in Server : \A t \in Server : CommittedPrefix(s) >= CommittedPrefix(t)
             n == CommittedPrefix(s)
         IN IF n <= Len(committed) THEN committed
            ELSE [k \in 1..n |->
                    IF k <= Len(committed) /\ committed[k].entry = log'[s][k]
                    THEN committed[k]
                    ELSE [entry |-> log'[s][k], term |-> currentTerm'[s]]]

-----------------------------------------------------------------------------
(* Bounds *)

\* Guards that keep model checking finite.  None is needed by the protocol;
\* each one hides the behaviours beyond it (see README.md).  Models replace
\* them in their .cfg (`CONSTANT TimeoutBound <- ...`) where they need a
\* different bound, and trace validation uses the actions directly.
TimeoutBound(i)        == currentTerm[i] < MaxTerm
ClientRequestBound(i)  == Len(log[i]) < MaxLogLen
\* A send identical to a message already in flight only adds a copy, which
\* DuplicateMessage covers.
SendBound(m)           == ~InFlight(m) /\ BagCardinality(messages) < MaxMsgCount
BatchSizes(i, j)       == 0..Min(MaxBatch, Len(log[i]) - nextIndex[i][j] + 1)
\* A candidate does not ask again a peer whose vote it already holds.
RequestVoteBound(i, j) == j \notin votesGranted[i] /\ SendBound(RequestVoteRequestMsg(i, j))
RestartBound           == restarts < MaxRestarts
DropBound              == drops < MaxDrops
DuplicateBound(m)      == dups < MaxDups /\ BagCardinality(messages) < MaxMsgCount
CompactLogBound(i)     == compactions < MaxCompactions
\* Whether servers use pre-vote: a model of Raft with pre-vote substitutes
\* TRUE (`CONSTANT PreVoteEnabled <- PreVoteOn`); then an election timer
\* fires into PreVote, and Timeout waits for a pre-vote majority.
PreVoteEnabled         == FALSE
\* Whether leaders check for a quorum: a model of Raft with CheckQuorum
\* substitutes TRUE (`CONSTANT CheckQuorumEnabled <- CheckQuorumOn`).
CheckQuorumEnabled     == FALSE
PreVoteBound(i)        == PreVoteEnabled /\ currentTerm[i] < MaxTerm
\* A pre-candidate does not ask again a peer whose pre-vote it holds.
RequestPreVoteBound(i, j) == j \notin preVotesGranted[i] /\ SendBound(PreVoteRequestMsg(i, j))

\* What model checking fingerprints.  ProtocolView leaves out state that no
\* action reads before overwriting it, so that states differing only there
\* have the same futures: the votes a server holds while it is not a
\* candidate (only a candidate counts them, and Timeout resets them before
\* a server becomes one), and nextIndex and matchIndex while it is not
\* leader (BecomeLeader resets them).  A model adds the history variables
\* its properties read (VIEW ModelView has all).
ProtocolView ==
    <<durableVars, role, commitIndex,
      [i \in Server |-> IF role[i] = Candidate THEN votesGranted[i] ELSE {}],
      [i \in Server |-> IF role[i] = Leader THEN nextIndex[i] ELSE {}],
      [i \in Server |-> IF role[i] = Leader THEN matchIndex[i] ELSE {}],
      messages, faultVars,
      preCandidate, [i \in Server |-> IF preCandidate[i] THEN preVotesGranted[i] ELSE {}],
      [i \in Server |-> IF CheckQuorumEnabled /\ role[i] = Leader THEN heardFrom[i] ELSE {}]>>

\* VotesSafe also reads the votes a leader holds.
ModelView ==
    <<ProtocolView, historyVars,
      [i \in Server |-> IF role[i] = Leader THEN votesGranted[i] ELSE {}]>>

-----------------------------------------------------------------------------
(* The specification *)

\* One step of Next per action: the action, its bound, the fault counters
\* and the history.  The step operators are named after their action so
\* that traces and coverage reports say which action a step took.
Steady == UNCHANGED faultVars /\ RecordHistory

TimeoutStep(i)          == TimeoutBound(i) /\ (PreVoteEnabled => preCandidate[i]) /\ Timeout(i) /\ Steady
RequestVoteStep(i, j)   == RequestVoteBound(i, j) /\ RequestVote(i, j) /\ Steady
BecomeLeaderStep(i)     == BecomeLeader(i) /\ Steady
ClientRequestStep(i, v) == ClientRequestBound(i) /\ ClientRequest(i, v) /\ Steady
AppendEntriesStep(i, j) ==
    /\ \E n \in BatchSizes(i, j) :
          SendBound(AppendEntriesRequestMsg(i, j, n)) /\ AppendEntries(i, j, n)
    /\ Steady
AdvanceCommitIndexStep(i)            == AdvanceCommitIndex(i) /\ Steady
UpdateTermStep(m)                    == UpdateTerm(m.to, m) /\ Steady
HandleRequestVoteRequestStep(m)      == HandleRequestVoteRequest(m.to, m) /\ Steady
HandleRequestVoteResponseStep(m)     == HandleRequestVoteResponse(m.to, m) /\ Steady
HandleAppendEntriesRequestStep(m)    == HandleAppendEntriesRequest(m.to, m) /\ Steady
HandleAppendEntriesResponseStep(m)   == HandleAppendEntriesResponse(m.to, m) /\ Steady
PreVoteStep(i)                       == PreVoteBound(i) /\ PreVote(i) /\ Steady
RequestPreVoteStep(i, j)             == RequestPreVoteBound(i, j) /\ RequestPreVote(i, j) /\ Steady
HandlePreVoteRequestStep(m)          == HandlePreVoteRequest(m.to, m) /\ Steady
HandlePreVoteResponseStep(m)         == HandlePreVoteResponse(m.to, m) /\ Steady
\* A check that changes nothing (a quorum heard, no peer yet this period)
\* is a stuttering step, which TLC does not count.
CheckQuorumStep(i)                   == CheckQuorumEnabled /\ CheckQuorum(i) /\ Steady

RestartStep(i) ==
    /\ RestartBound
    /\ Restart(i)
    /\ restarts' = restarts + 1
    /\ UNCHANGED <<drops, dups, compactions>>
    /\ RecordHistory

DropMessageStep(m) ==
    /\ DropBound
    /\ DropMessage(m)
    /\ drops' = drops + 1
    /\ UNCHANGED <<restarts, dups, compactions>>
    /\ RecordHistory

DuplicateMessageStep(m) ==
    /\ DuplicateBound(m)
    /\ DuplicateMessage(m)
    /\ dups' = dups + 1
    /\ UNCHANGED <<restarts, drops, compactions>>
    /\ RecordHistory

CompactLogStep(i) ==
    /\ CompactLogBound(i)
    /\ \E k \in snapshotIndex[i] + 1 .. CompactLimit(i) : CompactLog(i, k)
    /\ compactions' = compactions + 1
    /\ UNCHANGED <<restarts, drops, dups>>
    /\ RecordHistory

InstallSnapshotStep(i, j) ==
    /\ SendBound(InstallSnapshotRequestMsg(i, j))
    /\ InstallSnapshot(i, j)
    /\ Steady
HandleInstallSnapshotRequestStep(m)  == HandleInstallSnapshotRequest(m.to, m) /\ Steady
HandleInstallSnapshotResponseStep(m) == HandleInstallSnapshotResponse(m.to, m) /\ Steady

\* An action conform has no input for (tests: an unmapped action is an error naming it).
ForgetCommitStep(i) ==
    /\ commitIndex[i] > 0
    /\ commitIndex' = [commitIndex EXCEPT ![i] = 0]
    /\ UNCHANGED <<durableVars, role, votesGranted, nextIndex, matchIndex, heardFrom, messages, preVoteVars, faultVars>>
    /\ RecordHistory

Next ==
    \/ \E i \in Server : TimeoutStep(i)
    \/ \E i, j \in Server : RequestVoteStep(i, j)
    \/ \E i \in Server : BecomeLeaderStep(i)
    \/ \E i \in Server, v \in Value : ClientRequestStep(i, v)
    \/ \E i, j \in Server : AppendEntriesStep(i, j)
    \/ \E i \in Server : AdvanceCommitIndexStep(i)
    \/ \E m \in DOMAIN messages : UpdateTermStep(m)
    \/ \E m \in DOMAIN messages : HandleRequestVoteRequestStep(m)
    \/ \E m \in DOMAIN messages : HandleRequestVoteResponseStep(m)
    \/ \E m \in DOMAIN messages : HandleAppendEntriesRequestStep(m)
    \/ \E m \in DOMAIN messages : HandleAppendEntriesResponseStep(m)
    \/ \E i \in Server : RestartStep(i)
    \/ \E m \in DOMAIN messages : DropMessageStep(m)
    \/ \E m \in DOMAIN messages : DuplicateMessageStep(m)
    \* log compaction and InstallSnapshot
    \/ \E i \in Server : CompactLogStep(i)
    \/ \E i, j \in Server : InstallSnapshotStep(i, j)
    \/ \E m \in DOMAIN messages : HandleInstallSnapshotRequestStep(m)
    \/ \E m \in DOMAIN messages : HandleInstallSnapshotResponseStep(m)
    \/ \E i \in Server : PreVoteStep(i)
    \/ \E i, j \in Server : RequestPreVoteStep(i, j)
    \/ \E m \in DOMAIN messages : HandlePreVoteRequestStep(m)
    \/ \E m \in DOMAIN messages : HandlePreVoteResponseStep(m)
    \/ \E i \in Server : CheckQuorumStep(i)
    \/ \E i \in Server : ForgetCommitStep(i)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Safety *)

TypeOK ==
    /\ currentTerm \in [Server -> Nat]
    /\ votedFor \in [Server -> Server \cup {Nil}]
    /\ \A i \in Server : log[i] \in Seq(Entry)
    /\ \A i \in Server : snapshotIndex[i] \in 0..Len(log[i])
    /\ role \in [Server -> {Follower, Candidate, Leader}]
    /\ commitIndex \in [Server -> Nat]
    /\ votesGranted \in [Server -> SUBSET Server]
    /\ nextIndex \in [Server -> [Server -> Nat \ {0}]]
    /\ matchIndex \in [Server -> [Server -> Nat]]
    /\ IsABag(messages)
    /\ \A m \in DOMAIN messages : m \in Message
    /\ restarts \in Nat /\ drops \in Nat /\ dups \in Nat /\ compactions \in Nat
    /\ preCandidate \in [Server -> BOOLEAN]
    /\ preVotesGranted \in [Server -> SUBSET Server]
    /\ heardFrom \in [Server -> SUBSET Server]

\* At most one server is ever leader in a given term.  Stated over the
\* history of elections: checking only the servers that are leaders now
\* would miss a leader that has already stepped down or crashed.
ElectionSafety ==
    \A e, f \in elections : e.term = f.term => e.leader = f.leader

\* A server votes for at most one candidate in a term, and a candidate or
\* leader only holds votes that were cast for it in its current term.
VotesSafe ==
    /\ \A v, w \in votes : v.voter = w.voter /\ v.term = w.term => v.candidate = w.candidate
    /\ \A i \in Server :
         role[i] \in {Candidate, Leader} =>
           \A j \in votesGranted[i] :
             [term |-> currentTerm[i], voter |-> j, candidate |-> i] \in votes

\* VotesSafe without the history, for models that leave `votes` out of the
\* states they fingerprint (it multiplies states by every past voting
\* pattern).  The two together imply VotesSafe: terms never decrease, so a
\* second vote in a term would change a vote already cast in it; and a vote
\* a candidate holds stays on the voter's stable storage for as long as the
\* voter remains in that term.  A leader's votes need no check of their own:
\* they were checked while it was a candidate in the same term, and from
\* then on a voter can only keep its vote or move to a later term.
OneVotePerTerm ==
    [][\A i \in Server :
         /\ currentTerm'[i] >= currentTerm[i]
         /\ currentTerm'[i] = currentTerm[i] /\ votedFor[i] # Nil
              => votedFor'[i] = votedFor[i]]_vars

VotesHeldWereCast ==
    \A i \in Server :
      role[i] = Candidate =>
        \A j \in votesGranted[i] :
          \/ currentTerm[j] > currentTerm[i]
          \/ currentTerm[j] = currentTerm[i] /\ votedFor[j] = i

\* Two logs with an entry of the same term at the same index agree on every
\* entry up to that index.
LogMatching ==
    \A i, j \in Server :
      \A k \in 1..Min(Len(log[i]), Len(log[j])) :
        log[i][k].term = log[j][k].term => SubSeq(log[i], 1, k) = SubSeq(log[j], 1, k)

\* An entry committed in some term is in the log of every leader of a later
\* term, at the same index.
LeaderCompleteness ==
    \A i \in Server :
      role[i] = Leader =>
        \A k \in DOMAIN committed :
          committed[k].term < currentTerm[i] =>
            k <= Len(log[i]) /\ log[i][k] = committed[k].entry

\* Servers never disagree on a committed entry: every server's committed
\* prefix is a prefix of the longest prefix ever committed, and so no two
\* servers commit different entries at the same index, not even at
\* different times.
StateMachineSafety ==
    \A i \in Server :
      \A k \in 1..Min(commitIndex[i], Len(log[i])) :
        k <= Len(committed) /\ log[i][k] = committed[k].entry

\* A server never changes an entry it has marked committed, not even across
\* a crash (the log is durable; only the knowledge of the commit index is lost).
CommittedPrefixStable ==
    [][\A i \in Server :
         LET c == Min(commitIndex[i], Len(log[i]))
         IN c <= Len(log'[i]) /\ SubSeq(log'[i], 1, c) = SubSeq(log[i], 1, c)]_vars

\* commitIndex never decreases, except that a crash erases it (it is
\* volatile).  Excluding Restart rather than stating this over the history
\* keeps the property about the variable the implementation logs.
CommitIndexMonotonic ==
    [][\A i \in Server : commitIndex'[i] >= commitIndex[i] \/ Restart(i)]_vars

\* A snapshot never covers an entry that is not committed: every server's
\* snapshot stands for a prefix of the longest prefix ever committed.
SnapshotOnlyCommitted ==
    \A i \in Server :
      /\ snapshotIndex[i] <= Len(committed)
      /\ \A k \in 1..snapshotIndex[i] : log[i][k] = committed[k].entry

\* A server's snapshot point never passes what it knows is committed (a
\* recovered snapshot restores the commit index to its point), and it only
\* moves forward.
SnapshotBelowCommitIndex ==
    \A i \in Server : snapshotIndex[i] <= commitIndex[i]

SnapshotMonotonic ==
    [][\A i \in Server : snapshotIndex'[i] >= snapshotIndex[i]]_vars

\* Pre-vote.  A leader is never in a pre-vote phase: leading ends it, and a
\* leader's timer does not fire.  (Otherwise a late pre-vote majority would
\* make a leader time out of its own term.)
PreCandidateNotLeader ==
    \A i \in Server : preCandidate[i] => role[i] # Leader

\* A pre-candidate holds its own pre-vote.
PreVotesIncludeOwn ==
    \A i \in Server : preCandidate[i] => i \in preVotesGranted[i]

\* Answering a pre-vote changes nothing durable at the voter: no term is
\* adopted and no vote recorded (that a pre-vote grant is no vote is what
\* lets a server grant pre-votes to several candidates).
PreVoteKeepsVoterState ==
    [][\A m \in DOMAIN messages :
         LET left == IF m \in DOMAIN messages' THEN messages'[m] ELSE 0
         IN m.type = "PreVoteRequest" /\ left < messages[m] => UNCHANGED durableVars]_vars

\* With pre-vote, a server enters a new term by its own election only with
\* a majority of pre-votes for it.
ElectionAfterPreVote ==
    [][\A i \in Server :
         role'[i] = Candidate /\ currentTerm'[i] = currentTerm[i] + 1 /\ votedFor'[i] = i
           => preCandidate[i] /\ IsQuorum(preVotesGranted[i])]_vars

\* CheckQuorum.  A leader counts only servers that have reached its term: a
\* server left behind in an earlier term (cut off, or whose old messages
\* arrive late) cannot keep a leader in office.
HeardFromKnowTheTerm ==
    \A i \in Server :
      role[i] = Leader => \A j \in heardFrom[i] : currentTerm[j] >= currentTerm[i]

\* A leader leaves office within its term only by a failed check (a crash
\* aside): one that heard from a majority stays.
StepDownOnlyWithoutQuorum ==
    [][\A i \in Server :
         /\ role[i] = Leader /\ role'[i] # Leader
         /\ currentTerm'[i] = currentTerm[i] /\ restarts' = restarts
         => ~IsQuorum(heardFrom[i] \cup {i})]_vars

\* The committed sequence only grows by appending: Raft refines AbstractLog,
\* with the history of committed entries as the refinement mapping.
AbstractCommitted == [k \in DOMAIN committed |-> committed[k].entry]
AL == INSTANCE AbstractLog WITH chosen <- AbstractCommitted, Entry <- Entry
RefinesAbstractLog == AL!Spec

=============================================================================
