---- MODULE Climb ----
\* Climbs past the library's Top, so the invariant below is violated after Top + 1 steps.
EXTENDS Limits
VARIABLE h
Init == h = 0
Next == h' = h + 1
BelowTop == h <= Top
====
