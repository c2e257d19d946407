---- MODULE Slow ----
\* One long chain of states: slow enough to be stopped, cancelled or timed out.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == x < 100000000 /\ x' = x + 1 /\ y' = (y + x) % 7
====
