----------------------------- MODULE RaftModels -----------------------------
(***************************************************************************)
(* Definitions shared by the models (MC*.tla): the symmetry set and        *)
(* tighter bounds that a model can put in place of the bounds of Raft.tla  *)
(* with `CONSTANT TimeoutBound <- OneCandidateAtATime` and the like.       *)
(* Each one hides behaviours; README.md says which.                        *)
(***************************************************************************)
EXTENDS Raft, TLC

\* Servers are interchangeable, and so are values.  Sound for safety
\* properties only (not used by the liveness model).
Symmetry == Permutations(Server) \cup Permutations(Value)

\* Elections do not overlap: a server times out only while no server is a
\* candidate.  Hides split votes and a candidate's retries in a new term;
\* keeps takeovers from a live leader.
OneCandidateAtATime(i) ==
    /\ currentTerm[i] < MaxTerm
    /\ \A j \in Server : role[j] # Candidate

\* A leader appends at most one entry per term (think of it as its no-op
\* or a single client command).  Logs then hold at most one entry per term.
OneEntryPerTerm(i) ==
    /\ Len(log[i]) < MaxLogLen
    /\ \A k \in 1..Len(log[i]) : log[i][k].term # currentTerm[i]

\* Views for models that check only some properties: a history variable
\* that no checked property reads only multiplies states.
CommitView   == <<ProtocolView, committed>>
ElectionView == <<ProtocolView, elections>>

\* For models that check VotesHeldWereCast and OneVotePerTerm in place of
\* VotesSafe: the `votes` history and the votes a leader holds are left out
\* (no action and no other property reads them), which saves a factor of
\* every past voting pattern.
SafetyView == <<ProtocolView, elections, committed>>

\* A duplicate may add one copy beyond the send bound.  With MaxMsgCount 1
\* a server sends only into an empty network, and a duplicated message is
\* then the only way two messages are in flight: the spare copy can arrive
\* after the exchange it belongs to has moved on, or after a crash.
DuplicateBeyondSendBound(m) ==
    dups < MaxDups /\ BagCardinality(messages) <= MaxMsgCount

\* A leader always sends as many entries as it may (a heartbeat only when
\* it has none to send).  Hides requests shorter than they could be.
FullBatches(i, j) == {Min(MaxBatch, Len(log[i]) - nextIndex[i][j] + 1)}

\* Raft with pre-vote: `CONSTANT PreVoteEnabled <- PreVoteOn`.
PreVoteOn == TRUE

\* Raft with CheckQuorum: `CONSTANT CheckQuorumEnabled <- CheckQuorumOn`.
CheckQuorumOn == TRUE
=============================================================================
