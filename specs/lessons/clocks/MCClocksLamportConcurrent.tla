---- MODULE MCClocksLamportConcurrent ----
\* Clocks.tla, checked with the constants in MCClocksLamportConcurrent.cfg.
EXTENDS Clocks
====
