---- MODULE MCClocksWallDrift ----
\* Clocks.tla, checked with the constants in MCClocksWallDrift.cfg.
EXTENDS Clocks
====
