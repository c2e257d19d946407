---- MODULE WarnRight ----
Limit == 2
====
