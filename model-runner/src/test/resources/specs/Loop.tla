---- MODULE Loop ----
\* x climbs to N and resets; fairness makes it loop forever, so <>(x > N) fails with a lasso.
EXTENDS Naturals
CONSTANT N
VARIABLES x
Init == x = 0
Inc == x < N /\ x' = x + 1
Reset == x = N /\ x' = 0
Fair == Init /\ [][Inc \/ Reset]_x /\ WF_x(Inc \/ Reset)
Unfair == Init /\ [][Inc \/ Reset]_x
Overflow == <>(x > N)
ReachesTop == <>(x = N)
OnlyUp == [][x' > x]_x
\* A whole spec as a property, as a refinement check states it: TLC names its violated action by location.
ClimbOnly == Init /\ [][Inc]_x
====
