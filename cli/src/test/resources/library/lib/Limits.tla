---- MODULE Limits ----
\* Lives apart from the model that extends it; TLC finds it only through --library.
EXTENDS Naturals
Top == 2
====
