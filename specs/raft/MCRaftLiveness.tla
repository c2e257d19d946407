--------------------------- MODULE MCRaftLiveness ---------------------------
(***************************************************************************)
(* Liveness: once faults stop, a leader is elected and a command commits. *)
(*                                                                         *)
(* Raft is live only under timing assumptions, which the model states as  *)
(* guards and fairness:                                                    *)
(*  - election timers fire only when no server leads and no other server  *)
(*    campaigns (a live leader's heartbeats keep them quiet, randomized    *)
(*    timeouts keep elections apart; a candidate may retry), and only at a *)
(*    server whose log is up to date with a majority that has not moved    *)
(*    past its term (randomization lets such a server time out first);     *)
(*  - every step that stays enabled is eventually taken (weak fairness),  *)
(*    except the faults, which the bounds make stop.                       *)
(* Bounds: the model has no SYMMETRY and no VIEW (both unsound for         *)
(* liveness).  A leader appends one entry per term, which stands for its   *)
(* no-op: without it a leader elected with only entries of earlier terms   *)
(* could never commit them.                                                *)
(***************************************************************************)
EXTENDS RaftModels

UpToDateWith(i, j) ==
    \/ LastTerm(log[i]) > LastTerm(log[j])
    \/ LastTerm(log[i]) = LastTerm(log[j]) /\ Len(log[i]) >= Len(log[j])

ElectionTiming(i) ==
    /\ currentTerm[i] < MaxTerm
    /\ \A j \in Server : role[j] = Follower \/ (j = i /\ role[j] = Candidate)
    /\ \E Q \in SUBSET Server :
          /\ i \in Q
          /\ IsQuorum(Q)
          /\ \A j \in Q : currentTerm[j] <= currentTerm[i] /\ UpToDateWith(i, j)

\* Any delivery to server i.
Deliver(i) ==
    \E m \in DOMAIN messages :
       /\ m.to = i
       /\ \/ UpdateTermStep(m)
          \/ HandleRequestVoteRequestStep(m)
          \/ HandleRequestVoteResponseStep(m)
          \/ HandleAppendEntriesRequestStep(m)
          \/ HandleAppendEntriesResponseStep(m)

\* Sends are bounded only by not repeating a message in flight, not by a
\* count: a count would disable a send whenever the network is full, and a
\* send to one peer could then starve behind endless exchanges with another
\* unless fairness were strong, which TLC checks far more slowly.
FreshSend(m) == ~InFlight(m)

Fairness ==
    /\ WF_vars(\E i \in Server : TimeoutStep(i))
    /\ WF_vars(\E i \in Server : BecomeLeaderStep(i))
    /\ WF_vars(\E i \in Server, v \in Value : ClientRequestStep(i, v))
    /\ WF_vars(\E i \in Server : AdvanceCommitIndexStep(i))
    /\ \A i \in Server : WF_vars(Deliver(i))
    /\ \A i \in Server : \A j \in Server \ {i} :
         /\ WF_vars(RequestVoteStep(i, j))
         /\ WF_vars(AppendEntriesStep(i, j))

LiveSpec == Spec /\ Fairness

EventuallyLeader == <>(\E i \in Server : role[i] = Leader)

\* Every server eventually learns that an entry is committed.
EventuallyCommitted == <>(\A i \in Server : commitIndex[i] >= 1)
=============================================================================
