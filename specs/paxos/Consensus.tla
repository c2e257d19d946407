----------------------------- MODULE Consensus -----------------------------
(***************************************************************************)
(* What consensus promises, with no mention of how it is reached.          *)
(*                                                                         *)
(* The only state is the set of values that have been chosen.  It starts  *)
(* empty, and a single step may put exactly one value in it.  After that   *)
(* nothing changes, so at most one value is ever chosen.  Every algorithm  *)
(* in this folder is checked to implement this specification.             *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANT Value      \* the values that may be proposed

VARIABLE chosen     \* the set of values chosen so far

TypeOK == chosen \subseteq Value

Init == chosen = {}

(* Choosing is possible only while nothing has been chosen yet. *)
Choose == /\ chosen = {}
          /\ \E v \in Value : chosen' = {v}

Next == Choose

(* Safety only: the system may stay undecided forever. *)
Spec == Init /\ [][Next]_chosen

(* With weak fairness, a value that can be chosen eventually is. *)
LiveSpec == Spec /\ WF_chosen(Next)

(***************************************************************************)
(* Properties.                                                             *)
(***************************************************************************)
AtMostOneChosen == Cardinality(chosen) <= 1

(* Once a value is chosen it stays chosen. *)
ChosenIsStable == [][\A v \in chosen : v \in chosen']_chosen

EventuallyChosen == <>(chosen # {})
=============================================================================
