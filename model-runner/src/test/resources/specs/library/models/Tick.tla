---- MODULE Tick ----
\* Counts up to the Limit of a module in another directory.
EXTENDS Bound
VARIABLE x
Init == x = 0
Next == x < Limit /\ x' = x + 1
InBound == Capped(x)
====
