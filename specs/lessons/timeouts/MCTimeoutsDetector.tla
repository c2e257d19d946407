---- MODULE MCTimeoutsDetector ----
\* Timeouts.tla, checked with the constants in MCTimeoutsDetector.cfg.
EXTENDS Timeouts
====
