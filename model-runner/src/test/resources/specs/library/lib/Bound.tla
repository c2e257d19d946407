---- MODULE Bound ----
\* A module that lives apart from the models using it: they find it only through the library path.
EXTENDS Naturals
Limit == 3
Capped(v) == v <= Limit
====
