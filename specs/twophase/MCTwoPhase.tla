----------------------------- MODULE MCTwoPhase ----------------------------
(* Three resource managers; checks consistency and the refinement of TCommit. *)
EXTENDS TwoPhase
MCRM == {"r1", "r2", "r3"}

TCommitRefinement == TC!TCSpec
=============================================================================
