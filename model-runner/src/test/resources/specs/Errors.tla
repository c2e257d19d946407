---- MODULE Errors ----
EXTENDS Naturals, TLC
VARIABLES x
Init == x = 0
AssertNext == Assert(x < 2, "x too big") /\ x' = x + 1
BadNext == x' = x + "a"
====
