---- MODULE MCFencingNoPause ----
\* Fencing.tla, checked with the constants in MCFencingNoPause.cfg.
\* Clients are interchangeable: states that differ only by renaming them are explored once.
EXTENDS Fencing, TLC

ClientSymmetry == Permutations(Clients)
====
