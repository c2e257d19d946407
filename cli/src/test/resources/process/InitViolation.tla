---- MODULE InitViolation ----
\* One of the two initial states already breaks Small: TLC reports it with message 2107 and no error trace.
EXTENDS Naturals
VARIABLES x, y
Init == x \in {0, 1} /\ y = "a"
Next == x' = x /\ y' = y
Small == x < 1
====
