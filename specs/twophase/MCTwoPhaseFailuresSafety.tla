--------------------- MODULE MCTwoPhaseFailuresSafety ----------------------
(* Three RMs, TM and RMs may crash: crashes and cooperative termination    *)
(* keep TCConsistent and the refinement of TCommit.                        *)
EXTENDS MCTwoPhaseFailures
=============================================================================
