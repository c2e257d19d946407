---- MODULE MCClocksWall ----
\* Clocks.tla, checked with the constants in MCClocksWall.cfg.
EXTENDS Clocks
====
