------------------------ MODULE MCRaftMutantForgetVote ------------------------
(* Broken variant: votedFor is not persisted, so a server that crashes and  *)
(* recovers has forgotten whom it voted for in its current term.           *)
EXTENDS RaftModels

\* Replaces RecoveredVote: stable storage holds no vote.
NoRecoveredVote(i) == Nil

=============================================================================
