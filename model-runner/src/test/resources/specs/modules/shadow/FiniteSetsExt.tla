--------------------------- MODULE FiniteSetsExt ---------------------------
\* A user's module that happens to have the name of a shipped one.
Max(S) == 42
FoldSet(op, base, set) == "own"
=============================================================================
