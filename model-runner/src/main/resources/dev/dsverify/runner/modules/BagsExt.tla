------------------------------ MODULE BagsExt ------------------------------
(***************************************************************************)
(* Adding and removing single elements of a bag, and folds over a bag's    *)
(* elements counted with their multiplicity.  Operator names and meanings  *)
(* follow the TLA+ community modules.  A bag is a function from its        *)
(* elements to their (positive) counts, as in the standard module Bags.    *)
(***************************************************************************)
LOCAL INSTANCE Bags
LOCAL INSTANCE Integers
LOCAL INSTANCE Folds

\* B with one more copy of x: B (+) SetToBag({x}).
BagAdd(B, x) ==
    [e \in DOMAIN B \cup {x} |-> (IF e \in DOMAIN B THEN B[e] ELSE 0) + (IF e = x THEN 1 ELSE 0)]

\* B with one copy of x less, B itself when x is not in B: B (-) SetToBag({x}).
BagRemove(B, x) ==
    [e \in {d \in DOMAIN B : d # x \/ B[d] > 1} |-> IF e = x THEN B[e] - 1 ELSE B[e]]

\* B without any copy of x.
BagRemoveAll(B, x) == [e \in DOMAIN B \ {x} |-> B[e]]

\* op folded over f(e) for every copy of every element e of B, starting from
\* base and taking the elements in the order choose picks them; meant for an
\* associative and commutative op.  The copies are the pairs <<e, k>> for
\* k \in 1..B[e].
MapThenFoldBag(op(_, _), base, f(_), choose(_), B) ==
    LET Copies == UNION {{<<e, k>> : k \in 1..B[e]} : e \in DOMAIN B}
        NextCopy(S) == LET e == choose({c[1] : c \in S})
                       IN  CHOOSE c \in S : c[1] = e
    IN  MapThenFoldSet(op, base, LAMBDA c : f(c[1]), NextCopy, Copies)

FoldBag(op(_, _), base, B) ==
    MapThenFoldBag(op, base, LAMBDA e : e, LAMBDA S : CHOOSE e \in S : TRUE, B)

\* The sum and product of a bag of integers, each element counted as often
\* as it occurs.
SumBag(B) == FoldBag(LAMBDA x, y : x + y, 0, B)
ProductBag(B) == FoldBag(LAMBDA x, y : x * y, 1, B)
=============================================================================
