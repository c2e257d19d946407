------------------------- MODULE MCTwoPhaseFailures ------------------------
(* Three RMs; only the TM may crash.  MCTwoPhaseRMCrash.tla lets the RMs  *)
(* crash as well.  The liveness property is expected to fail in both.    *)
EXTENDS TwoPhaseFailures
MCRM == {"r1", "r2", "r3"}
NoRM == {}
=============================================================================
