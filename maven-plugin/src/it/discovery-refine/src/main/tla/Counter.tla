---- MODULE Counter ----
(* A counter that wraps around: the smallest spec with an invariant worth checking. *)
EXTENDS Naturals

VARIABLE x

Init == x = 0

\* One step: count up, wrapping from 3 back to 0.
Next == x' = (x + 1) % 4

Spec == Init /\ [][Next]_x

TypeOK == x \in 0..3

\* Deliberately wrong: the counter does reach 3.
BelowThree == x < 3
====
