------------------------------- MODULE Stack -------------------------------
\* A stack built with SequencesExt that grows past its bound: a counterexample whose steps are named
\* although the spec extends a shipped module.
EXTENDS Naturals, Sequences, SequencesExt
VARIABLE s
Init == s = <<>>
Push(x) == s' = Cons(x, s)
Pop == s # <<>> /\ s' = Tail(s)
Next == (\E x \in {1, 2} : Push(x)) \/ Pop
Bounded == Len(s) < 2
=============================================================================
