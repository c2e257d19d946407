---- MODULE UsesFaulty ----
\* Extends a library module that does not pass semantic analysis.
EXTENDS Faulty
VARIABLE x
Init == x = 0
Next == x' = Twice(x)
====
