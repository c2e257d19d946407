---------------------------- MODULE UsesOwnMax ----------------------------
\* Beside this spec is a FiniteSetsExt of its own: it, not the shipped one, must be used.
EXTENDS FiniteSetsExt
ASSUME Max({1, 2}) = 42
ASSUME FoldSet(0, 0, 0) = "own"
=============================================================================
