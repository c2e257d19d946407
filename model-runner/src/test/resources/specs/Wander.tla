---- MODULE Wander ----
\* Three ways to move around a 7 x 7 torus; weak fairness does not make the walk reach (6, 6), and which
\* lasso TLC reports depends on its fingerprint function.
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>
Init == x = 0 /\ y = 0
IncX == x' = (x + 1) % 7 /\ y' = y
IncY == y' = (y + 2) % 7 /\ x' = x
Both == x' = (x + 3) % 7 /\ y' = (y + 1) % 7
Next == IncX \/ IncY \/ Both
Spec == Init /\ [][Next]_vars /\ WF_vars(Next)
ReachesCorner == <>(x = 6 /\ y = 6)
====
