------------------------- MODULE MCTwoPhaseRMCrash -------------------------
(* Three RMs, any of which may crash, as well as the TM.  The liveness     *)
(* property is expected to fail.                                           *)
EXTENDS MCTwoPhaseFailures
=============================================================================
