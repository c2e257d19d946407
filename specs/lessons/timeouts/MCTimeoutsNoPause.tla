---- MODULE MCTimeoutsNoPause ----
\* Timeouts.tla, checked with the constants in MCTimeoutsNoPause.cfg.
EXTENDS Timeouts
====
