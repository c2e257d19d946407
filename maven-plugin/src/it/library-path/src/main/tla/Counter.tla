---- MODULE Counter ----
(* A counter that wraps around at 4. It has no cfg of its own: the models live in mutants/. *)
EXTENDS Naturals

VARIABLE x

Init == x = 0

\* One step: count up, wrapping from 3 back to 0.
Next == x' = (x + 1) % 4

TypeOK == x \in 0..3
====
