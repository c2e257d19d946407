---- MODULE MCFencingSafe ----
\* Fencing.tla, checked with the constants in MCFencingSafe.cfg.
\* Clients are interchangeable: states that differ only by renaming them are explored once.
EXTENDS Fencing, TLC

ClientSymmetry == Permutations(Clients)
====
