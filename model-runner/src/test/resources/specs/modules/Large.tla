------------------------------- MODULE Large -------------------------------
\* Folds over thousands of elements: the TLA+ definitions recurse once per element and exhaust TLC's stack
\* long before this size; the Java bodies loop.
EXTENDS Naturals, Sequences, FiniteSets, Functions, FiniteSetsExt, SequencesExt
N == 5000
Plus(x, y) == x + y
ASSUME SumSet(1..N) = (N * (N + 1)) \div 2
ASSUME FoldSet(Plus, 0, 1..N) = (N * (N + 1)) \div 2
ASSUME FoldFunction(Plus, 0, [i \in 1..N |-> 2]) = 2 * N
ASSUME MapThenSumSet(LAMBDA x : 1, 1..N) = N
ASSUME FoldLeft(Plus, 0, [i \in 1..N |-> 1]) = N
ASSUME FoldFunctionOnSet(Plus, 0, [i \in 1..N |-> 2], 1..N) = 2 * N
ASSUME FoldLeftDomain(Plus, 0, [i \in 1..N |-> 0]) = (N * (N + 1)) \div 2
ASSUME FlattenSet({{i} : i \in 1..N}) = 1..N
ASSUME Cardinality(kSubset(2, 1..40)) = 780 /\ kSubset(41, 1..40) = {}
ASSUME Len(SetToSeq(1..N)) = N /\ Max(1..N) = N /\ Min(1..N) = 1
=============================================================================
