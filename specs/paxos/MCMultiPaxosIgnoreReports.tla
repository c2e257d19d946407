--------------------- MODULE MCMultiPaxosIgnoreReports ---------------------
(***************************************************************************)
(* Mutant: the stable leader proposes any value in a slot, ignoring what  *)
(* the 1b messages report for that slot.  The configuration replaces      *)
(* MultiPaxos's SafeInSlot with AnySlotValue.  It shows that the log      *)
(* checks of MCMultiPaxos are not vacuous: a slot gets two values.        *)
(***************************************************************************)
EXTENDS MCMultiPaxos

AnySlotValue(s, v, R) == TRUE
=============================================================================
