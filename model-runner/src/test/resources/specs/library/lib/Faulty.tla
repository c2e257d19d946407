---- MODULE Faulty ----
\* Refers to an operator that nobody defines: a semantic error located in this file, not in the model.
EXTENDS Naturals
Twice(v) == v + Three
====
