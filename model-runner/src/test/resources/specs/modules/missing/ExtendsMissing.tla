--------------------------- MODULE ExtendsMissing ---------------------------
\* EXTENDS NoSuchModule in this comment must not count.
EXTENDS Naturals,
        FiniteSets, NoSuchModule
VARIABLE x
Init == x = 0
Next == x' = x
=============================================================================
