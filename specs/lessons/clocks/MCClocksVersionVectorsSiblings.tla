---- MODULE MCClocksVersionVectorsSiblings ----
\* Clocks.tla, checked with the constants in MCClocksVersionVectorsSiblings.cfg.
EXTENDS Clocks
====
