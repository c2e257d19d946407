---- MODULE Semantic ----
EXTENDS Naturals
VARIABLES x
Init == x = 0
Next == x' = y + 1
====
