---- MODULE MCTimeoutsLeaseUnsafe ----
\* Timeouts.tla, checked with the constants in MCTimeoutsLeaseUnsafe.cfg.
EXTENDS Timeouts
====
