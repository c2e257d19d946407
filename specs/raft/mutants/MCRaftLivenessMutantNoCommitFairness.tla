---------------- MODULE MCRaftLivenessMutantNoCommitFairness ----------------
(* Broken liveness variant: a leader is not obliged ever to advance its    *)
(* commit index.  Entries reach a majority, yet nothing need commit them,  *)
(* so EventuallyCommitted fails with a behaviour that stutters after the   *)
(* replication.  It shows the liveness model's fairness is what carries    *)
(* the property, not the bounds.                                           *)
EXTENDS MCRaftLiveness

FairnessWithoutCommit ==
    /\ WF_vars(\E i \in Server : TimeoutStep(i))
    /\ WF_vars(\E i \in Server : BecomeLeaderStep(i))
    /\ WF_vars(\E i \in Server, v \in Value : ClientRequestStep(i, v))
    /\ \A i \in Server : \A j \in Server \ {i} :
         /\ WF_vars(Deliver(i, j))
         /\ WF_vars(RequestVoteStep(i, j))
         /\ WF_vars(AppendEntriesStep(i, j))

LiveSpecWithoutCommit == Spec /\ FairnessWithoutCommit
=============================================================================
