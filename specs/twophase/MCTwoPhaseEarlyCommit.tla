------------------------ MODULE MCTwoPhaseEarlyCommit -----------------------
(***************************************************************************)
(* Mutant: the TM commits as soon as some RM is prepared instead of        *)
(* waiting for all of them.  The configuration replaces TwoPhase's         *)
(* TMCanCommit with SomeRMPrepared.  An RM that had not prepared can then  *)
(* abort on its own while another RM commits.                              *)
(***************************************************************************)
EXTENDS MCTwoPhase

SomeRMPrepared == tmPrepared # {}
=============================================================================
