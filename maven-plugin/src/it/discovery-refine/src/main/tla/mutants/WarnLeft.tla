---- MODULE WarnLeft ----
Limit == 2
====
