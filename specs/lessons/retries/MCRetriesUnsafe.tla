---- MODULE MCRetriesUnsafe ----
\* Retries.tla, checked with the constants in MCRetriesUnsafe.cfg.
\* Operations are interchangeable: states that differ only by renaming them are explored once.
EXTENDS Retries, TLC

OpSymmetry == Permutations(Ops)
====
