---- MODULE Unbounded ----
\* Never ends: the state space is infinite. Used to test what happens to a check killed from outside.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == (x' = x + 1 /\ y' = y) \/ (y' = y + 1 /\ x' = x)
====
