---- MODULE MCClocksVersionVectors ----
\* Clocks.tla, checked with the constants in MCClocksVersionVectors.cfg.
EXTENDS Clocks
====
