--------------------------- MODULE FiniteSetsExt ---------------------------
(***************************************************************************)
(* Folds, sums, extremes and subsets of finite sets.  Operator names and   *)
(* meanings follow the TLA+ community modules.  Like the current community *)
(* module it extends (and so exports) Integers, FiniteSets, Folds and      *)
(* Functions: specs that EXTENDS FiniteSetsExt use Range or Cardinality    *)
(* without extending those themselves.                                     *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, Folds, Functions

\* op folded over the elements of set, starting from base; meant for an
\* associative and commutative op.
FoldSet(op(_, _), base, set) ==
    MapThenFoldSet(op, base, LAMBDA x : x, LAMBDA s : CHOOSE x \in s : TRUE, set)

\* The older name of FoldSet, with the set before the start value.
ReduceSet(op(_, _), set, acc) == FoldSet(op, acc, set)

\* The sum and product of a set of integers; Sum and Product are the names
\* of earlier versions of the community module.
SumSet(set) == FoldSet(LAMBDA x, y : x + y, 0, set)
ProductSet(set) == FoldSet(LAMBDA x, y : x * y, 1, set)
Sum(set) == SumSet(set)
Product(set) == ProductSet(set)

\* The sum of f(x) over the elements x of set.
MapThenSumSet(f(_), set) ==
    MapThenFoldSet(LAMBDA x, y : x + y, 0, f, LAMBDA s : CHOOSE x \in s : TRUE, set)

\* The union of a set of sets.
FlattenSet(S) == FoldSet(LAMBDA x, y : x \cup y, {}, S)

\* How many elements of S satisfy P.
Quantify(S, P(_)) == Cardinality({x \in S : P(x)})

\* The subsets of S with k elements.
kSubset(k, S) == {s \in SUBSET S : Cardinality(s) = k}

\* The largest and smallest element of a finite, non-empty set of numbers.
Max(S) == CHOOSE x \in S : \A y \in S : x >= y
Min(S) == CHOOSE x \in S : \A y \in S : x =< y

\* The elements in exactly one of A and B.
SymDiff(A, B) == (A \ B) \cup (B \ A)

\* Every set made of one element of each set in Sets.
Choices(Sets) ==
    {{f[T] : T \in Sets} : f \in {g \in [Sets -> UNION Sets] : \A T \in Sets : g[T] \in T}}

\* The one element of S satisfying P; an error when there is none or more.
ChooseUnique(S, P(_)) == CHOOSE x \in S : P(x) /\ \A y \in S : P(y) => y = x
=============================================================================
