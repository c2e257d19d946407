---- MODULE Broken ----
EXTENDS Naturals

VARIABLE x

Init == x = 0

\* The right-hand side is missing: SANY must reject this module.
Next == x' =

====
