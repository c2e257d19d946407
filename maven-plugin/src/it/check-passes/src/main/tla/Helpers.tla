---- MODULE Helpers ----
EXTENDS Naturals
Double(n) == 2 * n
====
