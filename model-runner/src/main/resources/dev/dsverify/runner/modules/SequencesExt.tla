---------------------------- MODULE SequencesExt ----------------------------
(***************************************************************************)
(* Operators on sequences beyond the standard Sequences module.  Operator  *)
(* names and meanings follow the TLA+ community modules; where those leave *)
(* a choice open (which sequence SetToSeq returns) the choice made here is *)
(* stated.                                                                 *)
(***************************************************************************)
LOCAL INSTANCE Sequences
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC
LOCAL INSTANCE Folds
LOCAL Min(S) == CHOOSE x \in S : \A y \in S : x =< y
LOCAL Max(S) == CHOOSE x \in S : \A y \in S : x >= y

\* The set of the elements of s.
ToSet(s) == {s[i] : i \in DOMAIN s}

\* A sequence holding every element of S once.  Any order meets that
\* description; this one takes the elements in the order CHOOSE picks them
\* (the order in which TLC enumerates S), so that a model's result does not
\* depend on whether the Java implementation is used.
RECURSIVE SetToSeq(_)
SetToSeq(S) ==
    IF S = {} THEN <<>>
    ELSE LET x == CHOOSE x \in S : TRUE
         IN  <<x>> \o SetToSeq(S \ {x})

\* Every sequence holding every element of S once.
SetToSeqs(S) ==
    LET D == 1..Cardinality(S)
    IN  {f \in [D -> S] : \A i, j \in D : i # j => f[i] # f[j]}

\* The elements of S as a sequence sorted by op (a strict order).
SetToSortSeq(S, op(_, _)) == SortSeq(SetToSeq(S), op)

\* Every sequence of distinct elements of S, of every length.
SetToAllKPermutations(S) == UNION {SetToSeqs(s) : s \in SUBSET S}

\* The sequences of length n, and of length at most n, over set.
TupleOf(set, n) == [1..n -> set]
SeqOf(set, n) == UNION {[1..m -> set] : m \in 0..n}
BoundedSeq(S, n) == SeqOf(S, n)

Contains(s, e) == \E i \in 1..Len(s) : s[i] = e
Reverse(s) == [i \in 1..Len(s) |-> s[Len(s) - i + 1]]
Remove(s, e) == SelectSeq(s, LAMBDA x : x # e)
ReplaceAll(s, old, new) == [i \in 1..Len(s) |-> IF s[i] = old THEN new ELSE s[i]]

\* e put at position i, the elements from i on moving one place right.
InsertAt(s, i, e) == SubSeq(s, 1, i - 1) \o <<e>> \o SubSeq(s, i, Len(s))
ReplaceAt(s, i, e) == [s EXCEPT ![i] = e]
RemoveAt(s, i) == SubSeq(s, 1, i - 1) \o SubSeq(s, i + 1, Len(s))

Cons(elt, seq) == <<elt>> \o seq
Front(s) == SubSeq(s, 1, Len(s) - 1)
Last(s) == s[Len(s)]

IsPrefix(s, t) == Len(s) <= Len(t) /\ SubSeq(t, 1, Len(s)) = s
IsStrictPrefix(s, t) == IsPrefix(s, t) /\ s # t
IsSuffix(s, t) == Len(s) <= Len(t) /\ SubSeq(t, Len(t) - Len(s) + 1, Len(t)) = s
IsStrictSuffix(s, t) == IsSuffix(s, t) /\ s # t

\* All prefixes and suffixes of s, the empty sequence included.
Prefixes(s) == {SubSeq(s, 1, n) : n \in 0..Len(s)}
Suffixes(s) == {SubSeq(s, n, Len(s)) : n \in 1..Len(s) + 1}

\* The sequences that are a prefix of every sequence in S, and the longest.
CommonPrefixes(S) ==
    {p \in UNION {Prefixes(s) : s \in S} : \A t \in S : IsPrefix(p, t)}
LongestCommonPrefix(S) ==
    CHOOSE p \in CommonPrefixes(S) : \A q \in CommonPrefixes(S) : Len(q) <= Len(p)

\* a modulo b in 1..b instead of 0..b-1, for indexing a sequence cyclically.
SeqMod(a, b) == IF a % b = 0 THEN b ELSE a % b

\* op folded over the elements of seq: in any order (FoldSeq, for an
\* associative and commutative op), from the left
\*    FoldLeft(op, b, <<x1, ..., xn>>) = op(... op(op(b, x1), x2) ..., xn)
\* or from the right
\*    FoldRight(op, <<x1, ..., xn>>, b) = op(x1, op(x2, ... op(xn, b) ...)).
\* The ...Domain variants fold the indices instead of the elements.
FoldSeq(op(_, _), base, seq) ==
    MapThenFoldSet(op, base, LAMBDA i : seq[i], LAMBDA D : CHOOSE i \in D : TRUE, DOMAIN seq)
FoldLeft(op(_, _), base, seq) ==
    MapThenFoldSet(LAMBDA x, acc : op(acc, x), base, LAMBDA i : seq[i], Max, DOMAIN seq)
FoldRight(op(_, _), seq, base) ==
    MapThenFoldSet(op, base, LAMBDA i : seq[i], Min, DOMAIN seq)
FoldLeftDomain(op(_, _), base, seq) ==
    MapThenFoldSet(LAMBDA x, acc : op(acc, x), base, LAMBDA i : i, Max, DOMAIN seq)
FoldRightDomain(op(_, _), seq, base) ==
    MapThenFoldSet(op, base, LAMBDA i : i, Min, DOMAIN seq)

\* The concatenation of the sequences in the sequence seqs (also of strings).
FlattenSeq(seqs) ==
    IF Len(seqs) = 0 THEN seqs
    ELSE LET cat[i \in 1..Len(seqs)] == IF i = 1 THEN seqs[1] ELSE cat[i - 1] \o seqs[i]
         IN  cat[Len(seqs)]

\* The pairs of elements at the same position of two sequences of equal
\* length; undefined (an error) for sequences of different lengths.
Zip(s, t) ==
    CASE Len(s) = Len(t) -> [i \in DOMAIN s |-> <<s[i], t[i]>>]

\* <<s[1]>>, <<t[1]>>, <<s[2]>>, <<t[2]>>, ... for sequences of equal length;
\* for two empty sequences, two empty sequences.
Interleave(s, t) ==
    CASE Len(s) = Len(t) /\ Len(s) > 0 ->
            [i \in 1..2 * Len(s) |-> IF i % 2 = 1 THEN <<s[(i + 1) \div 2]>> ELSE <<t[i \div 2]>>]
      [] Len(s) = Len(t) -> <<<<>>, <<>>>>

\* The contiguous pieces of s, the empty sequence included.
SubSeqs(s) == {SubSeq(s, i + 1, j) : i, j \in 0..Len(s)}

\* The first position at which s occurs in t as a contiguous piece; an
\* error when it does not occur.
IndexFirstSubSeq(s, t) ==
    Min({i \in 1..Len(t) + 1 : i + Len(s) - 1 <= Len(t) /\ SubSeq(t, i, i + Len(s) - 1) = s})

\* t with the piece s that starts at position i replaced by r.
ReplaceSubSeqAt(i, r, s, t) == SubSeq(t, 1, i - 1) \o r \o SubSeq(t, i + Len(s), Len(t))

\* t with the first occurrence of s replaced by r (t when s does not occur).
ReplaceFirstSubSeq(r, s, t) ==
    IF s \in SubSeqs(t) THEN ReplaceSubSeqAt(IndexFirstSubSeq(s, t), r, s, t) ELSE t

\* The first (last) index of seq, between from and to for the ...SubSeq
\* variants, whose element satisfies Test; 0 when there is none.
SelectInSeq(seq, Test(_)) ==
    LET I == {i \in 1..Len(seq) : Test(seq[i])} IN IF I = {} THEN 0 ELSE Min(I)
SelectInSubSeq(seq, from, to, Test(_)) ==
    LET I == {i \in from..to : Test(seq[i])} IN IF I = {} THEN 0 ELSE Min(I)
SelectLastInSeq(seq, Test(_)) ==
    LET I == {i \in 1..Len(seq) : Test(seq[i])} IN IF I = {} THEN 0 ELSE Max(I)
SelectLastInSubSeq(seq, from, to, Test(_)) ==
    LET I == {i \in from..to : Test(seq[i])} IN IF I = {} THEN 0 ELSE Max(I)
=============================================================================
