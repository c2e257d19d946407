---- MODULE MCTimeoutsLeaseFencedThreeNodes ----
\* Timeouts.tla, checked with the constants in MCTimeoutsLeaseFencedThreeNodes.cfg.
EXTENDS Timeouts
====
