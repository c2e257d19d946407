---- MODULE MCTimeoutsFencedBelief ----
\* Timeouts.tla, checked with the constants in MCTimeoutsFencedBelief.cfg.
EXTENDS Timeouts
====
