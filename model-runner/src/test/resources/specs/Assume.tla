---- MODULE Assume ----
EXTENDS Naturals
CONSTANT N
ASSUME N > 10
VARIABLES x
Init == x = N
Next == UNCHANGED x
====
