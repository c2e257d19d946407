---- MODULE DivZero ----
\* Two ways to divide by zero: in a step (from the second state on) and in the initial predicate.
EXTENDS Naturals
VARIABLE x
Init == x = 0
BadInit == x = 1 \div 0
Next == x' = (x + 1) \div (1 - x)
====
