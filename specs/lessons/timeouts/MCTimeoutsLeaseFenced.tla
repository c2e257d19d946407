---- MODULE MCTimeoutsLeaseFenced ----
\* Timeouts.tla, checked with the constants in MCTimeoutsLeaseFenced.cfg.
EXTENDS Timeouts
====
