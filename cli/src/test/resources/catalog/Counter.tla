---- MODULE Counter ----
\* A counter that goes up to N and back down while a record counts the descents.
EXTENDS Naturals
CONSTANT N
VARIABLES x, y
Init == x = 0 /\ y = [a |-> 1, b |-> "s"]
Inc == x < N /\ x' = x + 1 /\ UNCHANGED y
Dec == x > 0 /\ x' = x - 1 /\ y' = [y EXCEPT !.a = @ + 1]
Next == Inc \/ (y.a < 3 /\ Dec)
Small == x < 3
TypeOK == x \in 0..N
====
