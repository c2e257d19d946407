---- MODULE MCClocksLamport ----
\* Clocks.tla, checked with the constants in MCClocksLamport.cfg.
EXTENDS Clocks
====
