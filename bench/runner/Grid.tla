---- MODULE Grid ----
\* Three independent counters: exactly Size^3 distinct states, each with up to three successors. With
\* Size = 100 that is 1,000,000 states, enough for TLC's own work to dominate the cost of starting a JVM.
EXTENDS Naturals
CONSTANT Size
VARIABLES a, b, c
vars == <<a, b, c>>
Init == a = 0 /\ b = 0 /\ c = 0
IncA == a < Size - 1 /\ a' = a + 1 /\ UNCHANGED <<b, c>>
IncB == b < Size - 1 /\ b' = b + 1 /\ UNCHANGED <<a, c>>
IncC == c < Size - 1 /\ c' = c + 1 /\ UNCHANGED <<a, b>>
Next == IncA \/ IncB \/ IncC
InRange == a < Size /\ b < Size /\ c < Size
====
