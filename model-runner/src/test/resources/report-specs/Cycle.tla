---- MODULE Cycle ----
(* A counter going round 0, 1, 2 forever: it never reaches 3, so the     *)
(* liveness property below fails with a lasso back to the first state.    *)
EXTENDS Naturals

VARIABLE x

Init == x = 0
Next == x' = (x + 1) % 3
Spec == Init /\ [][Next]_x /\ WF_x(Next)

ReachesThree == <>(x = 3)
====
