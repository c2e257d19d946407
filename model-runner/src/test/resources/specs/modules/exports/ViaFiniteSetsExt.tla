------------------------- MODULE ViaFiniteSetsExt -------------------------
\* Extends only FiniteSetsExt, and uses what the community module exports with it.
EXTENDS FiniteSetsExt
ASSUME Range(<<3, 4, 3>>) = {3, 4}                       \* Functions
ASSUME Cardinality({-1, 0, 1}) = 3                       \* FiniteSets, Integers
ASSUME MapThenFoldSet(LAMBDA x, y : x + y, 0, LAMBDA x : x * x,
                      LAMBDA s : CHOOSE x \in s : TRUE, 1..3) = 14   \* Folds
ASSUME SumSet(1..4) = 10
=============================================================================
