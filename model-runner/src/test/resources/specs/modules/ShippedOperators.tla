-------------------------- MODULE ShippedOperators --------------------------
(***************************************************************************)
(* Every operator of the modules shipped with the runner, evaluated by TLC *)
(* on small inputs and compared with what its documentation defines it to *)
(* be.  The definitions are restated here independently, mostly as the     *)
(* property that characterises the result, so that a wrong body (TLA+ or   *)
(* Java) makes an ASSUME false.  The model has no variables: TLC only      *)
(* evaluates the assumptions.                                              *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC,
        TLAPS, Folds, Functions, FiniteSetsExt, SequencesExt, BagsExt, TLCExt, Bags

Pair(x, y) == <<x, y>>      \* neither associative nor commutative: shows order
Plus(x, y) == x + y
Chosen(t) == CHOOSE x \in t : TRUE
Sets == SUBSET {1, 2, 3}
NegSets == SUBSET {-2, 0, 5}
Seqs == UNION {[1..n -> {1, 2}] : n \in 0..3}
Fns == [{1, 2} -> {1, 2, 3}]
Indicator(s, x, other) == IF x \in s THEN x ELSE other
RECURSIVE LeftRef(_)
LeftRef(q) == IF q = <<>> THEN 0 ELSE <<LeftRef(SubSeq(q, 1, Len(q) - 1)), q[Len(q)]>>
RECURSIVE RightRef(_)
RightRef(q) == IF q = <<>> THEN 0 ELSE <<Head(q), RightRef(Tail(q))>>
Indices(q) == [i \in 1..Len(q) |-> i]

(*************************************** TLAPS ****************************)
ASSUME /\ SMT /\ SMTT(10) /\ Zenon /\ ZenonT(10) /\ Isa /\ IsaT(10)
       /\ IsaM("auto") /\ IsaMT("auto", 10) /\ PTL /\ LS4 /\ LS4T(5)
       /\ CVC3 /\ CVC3T(5) /\ CVC4 /\ CVC4T(5) /\ Z3 /\ Z3T(5) /\ Yices /\ YicesT(5)
       /\ veriT /\ veriTT(5) /\ Spass /\ SpassT(5) /\ Zipper /\ ZipperT(5)
       /\ SimpleArithmetic /\ IsaWithSetExtensionality /\ SlowZenon /\ SlowerZenon
       /\ VerySlowZenon /\ SlowestZenon /\ Auto /\ Force /\ Blast /\ AutoBlast
       /\ SimplifyAndSolve /\ Simplification /\ AllProvers /\ AllSMT /\ AllIsa
       /\ ExpandENABLED /\ ExpandCdot /\ AutoUSE /\ Lambdify /\ ENABLEDaxioms
       /\ LevelComparison /\ Trivial /\ ~EnabledWrapper(LAMBDA x : x) /\ ~CdotWrapper(LAMBDA x : x)

THEOREM OnePlusOne == 1 + 1 = 2
  BY SMT, Zenon, SetExtensionality, NoSetContainsEverything

(*************************************** Folds ****************************)
ASSUME MapThenFoldSet(Pair, 0, LAMBDA x : 10 * x,
                      LAMBDA t : CHOOSE x \in t : \A y \in t : x <= y, {1, 2, 3})
         = <<10, <<20, <<30, 0>>>>>>
ASSUME \A s \in Sets : MapThenFoldSet(Plus, 0, LAMBDA x : x, Chosen, s)
                         = Indicator(s, 1, 0) + Indicator(s, 2, 0) + Indicator(s, 3, 0)

\* Operators that ignore their arguments (TLC evaluates such a LAMBDA once and
\* hands its value, possibly a tuple, to a Java body).
ASSUME /\ MapThenFoldSet(LAMBDA x, y : x \o y, <<>>, LAMBDA x : <<9>>, Chosen, {1, 2}) = <<9, 9>>
       /\ MapThenFoldSet(LAMBDA x, y : <<7>>, <<>>, LAMBDA x : x, Chosen, {1, 2}) = <<7>>
       /\ MapThenSumSet(LAMBDA x : 1, {1, 2, 3}) = 3
       /\ FoldSet(LAMBDA x, y : <<1>>, <<>>, {1, 2}) = <<1>>
       /\ Quantify({1, 2}, LAMBDA x : TRUE) = 2
       /\ FoldLeft(LAMBDA x, y : 0, 5, <<1, 2>>) = 0

(*************************************** FiniteSetsExt ********************)
ASSUME \A s \in Sets : FoldSet(Pair, 0, s) = MapThenFoldSet(Pair, 0, LAMBDA x : x, Chosen, s)
ASSUME \A s \in Sets : FoldSet(Plus, 0, s) = Indicator(s, 1, 0) + Indicator(s, 2, 0) + Indicator(s, 3, 0)
ASSUME \A s \in Sets : FoldSet(+, 0, s) = FoldSet(Plus, 0, s)
ASSUME \A s \in Sets : ReduceSet(Pair, s, 0) = FoldSet(Pair, 0, s)
ASSUME \A s \in Sets : Sum(s) = Indicator(s, 1, 0) + Indicator(s, 2, 0) + Indicator(s, 3, 0)
ASSUME \A s \in NegSets : Sum(s) = Indicator(s, -2, 0) + Indicator(s, 0, 0) + Indicator(s, 5, 0)
ASSUME \A s \in Sets : Product(s) = Indicator(s, 1, 1) * Indicator(s, 2, 1) * Indicator(s, 3, 1)
ASSUME \A s \in Sets \cup NegSets : SumSet(s) = Sum(s) /\ ProductSet(s) = Product(s)
ASSUME \A s \in (Sets \cup NegSets) \ {{}} :
          /\ Max(s) \in s /\ \A y \in s : Max(s) >= y
          /\ Min(s) \in s /\ \A y \in s : Min(s) =< y
ASSUME \A s \in Sets : Quantify(s, LAMBDA x : x # 2) = Cardinality({x \in s : x # 2})
ASSUME \A k \in -1..4 : kSubset(k, {1, 2, 3}) = {t \in SUBSET {1, 2, 3} : Cardinality(t) = k}
ASSUME \A s \in Sets : \A k \in 0..3 : kSubset(k, s) = {t \in SUBSET s : Cardinality(t) = k}
ASSUME \A a, b \in Sets : SymDiff(a, b) = {x \in a \cup b : (x \in a) # (x \in b)}
ASSUME \A a \in SUBSET Sets : FlattenSet(a) = {x \in {1, 2, 3} : \E t \in a : x \in t}
ASSUME \A s \in Sets : MapThenSumSet(LAMBDA x : 2 * x, s) = 2 * Sum(s)
ASSUME Choices({{1, 2}, {2, 3}, {5}}) = {{2, 5}, {1, 2, 5}, {1, 3, 5}, {2, 3, 5}}
ASSUME \A a \in SUBSET (Sets \ {{}}) :
          Choices(a) = {c \in SUBSET {1, 2, 3} :
                          \E f \in [a -> {1, 2, 3}] : (\A t \in a : f[t] \in t) /\ c = {f[t] : t \in a}}
ASSUME \A s \in Sets : ChooseUnique(s \cup {7}, LAMBDA x : x > 5) = 7

(*************************************** Functions ************************)
ASSUME \A f \in Fns, s \in SUBSET {1, 2} : Restrict(f, s) = [x \in s |-> f[x]]
ASSUME \A f \in Fns : RestrictDomain(f, LAMBDA x : x > 1) = [x \in {2} |-> f[x]]
ASSUME \A f \in Fns : RestrictValues(f, LAMBDA v : v > 1) = [x \in {y \in {1, 2} : f[y] > 1} |-> f[x]]
ASSUME \A f, g \in Fns : /\ IsRestriction(f, g) <=> f = g
                         /\ IsRestriction(Restrict(g, {1}), g)
                         /\ IsRestriction(Restrict(f, {2}), g) <=> f[2] = g[2]
ASSUME \A f \in Fns : Range(f) = {y \in {1, 2, 3} : \E x \in {1, 2} : f[x] = y}
ASSUME \A f \in Fns : IsInjective(f) <=> f[1] # f[2]
ASSUME \A f \in Fns, T \in SUBSET {1, 2, 3} :
          /\ IsSurjective(f, {1, 2}, T) <=> \A t \in T : t = f[1] \/ t = f[2]
          /\ IsBijection(f, {1, 2}, T) <=> (f[1] # f[2] /\ \A t \in T : t = f[1] \/ t = f[2])
ASSUME \A f \in Fns : LET g == Inverse(f, {1, 2}, {1, 2, 3})
                      IN  /\ DOMAIN g = {1, 2, 3}
                          /\ \A t \in {1, 2, 3} : g[t] \in {1, 2} /\ (t \in {f[1], f[2]} => f[g[t]] = t)
ASSUME \A f \in Fns : f[1] # f[2] => /\ DOMAIN AntiFunction(f) = {f[1], f[2]}
                                     /\ AntiFunction(f)[f[1]] = 1 /\ AntiFunction(f)[f[2]] = 2
ASSUME \A m, n \in 0..3 : /\ ExistsInjection(1..m, 1..n) <=> m <= n
                          /\ ExistsSurjection(1..m, 1..n) <=> (m = 0 /\ n = 0) \/ (0 < n /\ n <= m)
                          /\ ExistsBijection(1..m, 1..n) <=> m = n
ASSUME \A m, n \in 0..2 : /\ Injection(1..m, 1..n) = {f \in [1..m -> 1..n] : Cardinality(Range(f)) = m}
                          /\ Surjection(1..m, 1..n) = {f \in [1..m -> 1..n] : Range(f) = 1..n}
                          /\ Bijection(1..m, 1..n) = Injection(1..m, 1..n) \cap Surjection(1..m, 1..n)
ASSUME \A f, g \in Fns : Pointwise(Plus, f, g) = [x \in {1, 2} |-> f[x] + g[x]]
ASSUME \A f \in Fns : /\ FoldFunction(Plus, 0, f) = f[1] + f[2]
                      /\ FoldFunction(Pair, 0, f) = <<f[1], <<f[2], 0>>>>
ASSUME \A f \in Fns, s \in SUBSET {1, 2} :
          FoldFunctionOnSet(Plus, 0, f, s) = (IF 1 \in s THEN f[1] ELSE 0) + (IF 2 \in s THEN f[2] ELSE 0)

(*************************************** SequencesExt *********************)
ASSUME \A s \in Seqs : ToSet(s) = {x \in {1, 2} : \E i \in 1..Len(s) : s[i] = x}
ASSUME \A s \in Sets : /\ SetToSeq(s) \in [1..Cardinality(s) -> s]
                       /\ IsInjective(SetToSeq(s))
ASSUME SetToSeq({3, 1, 2}) = <<1, 2, 3>>   \* the order TLC enumerates the set in
ASSUME \A s \in Sets : SetToSeqs(s) = {f \in [1..Cardinality(s) -> s] : Cardinality(Range(f)) = Cardinality(s)}
ASSUME \A s \in Sets : /\ SetToSortSeq(s, >) \in SetToSeqs(s)
                       /\ \A i \in 1..Cardinality(s) - 1 : SetToSortSeq(s, >)[i] > SetToSortSeq(s, >)[i + 1]
ASSUME \A s \in Sets : SetToAllKPermutations(s)
          = {q \in UNION {[1..n -> s] : n \in 0..Cardinality(s)} : IsInjective(q)}
ASSUME \A n \in 0..3 : /\ TupleOf({1, 2}, n) = {q \in Seqs : Len(q) = n}
                       /\ SeqOf({1, 2}, n) = {q \in Seqs : Len(q) <= n}
                       /\ BoundedSeq({1, 2}, n) = SeqOf({1, 2}, n)
ASSUME \A s \in Seqs, e \in 0..3 : Contains(s, e) <=> \E i \in DOMAIN s : s[i] = e
ASSUME \A s \in Seqs : /\ Len(Reverse(s)) = Len(s)
                       /\ \A i \in 1..Len(s) : Reverse(s)[i] = s[Len(s) + 1 - i]
ASSUME \A s \in Seqs, e \in 1..2 : Remove(s, e) = SelectSeq(s, LAMBDA x : x # e)
ASSUME \A s \in Seqs : ReplaceAll(s, 1, 9) = [i \in 1..Len(s) |-> IF s[i] = 1 THEN 9 ELSE s[i]]
ASSUME \A s \in Seqs : \A i \in 1..Len(s) + 1 :
          LET t == InsertAt(s, i, 9)
          IN  /\ Len(t) = Len(s) + 1 /\ t[i] = 9
              /\ \A j \in 1..i - 1 : t[j] = s[j]
              /\ \A k \in i..Len(s) : t[k + 1] = s[k]
ASSUME \A s \in Seqs : \A i \in 1..Len(s) :
          /\ ReplaceAt(s, i, 9) = [j \in 1..Len(s) |-> IF j = i THEN 9 ELSE s[j]]
          /\ RemoveAt(s, i) = [j \in 1..Len(s) - 1 |-> IF j < i THEN s[j] ELSE s[j + 1]]
ASSUME \A s \in Seqs, e \in 1..2 : Cons(e, s) = <<e>> \o s
ASSUME \A s \in Seqs \ {<<>>} : /\ Front(s) \o <<Last(s)>> = s
                                /\ Len(Front(s)) = Len(s) - 1
ASSUME \A s, t \in Seqs : /\ IsPrefix(s, t) <=> \E u \in Seqs : t = s \o u
                          /\ IsStrictPrefix(s, t) <=> \E u \in Seqs \ {<<>>} : t = s \o u
                          /\ IsSuffix(s, t) <=> \E u \in Seqs : t = u \o s
                          /\ IsStrictSuffix(s, t) <=> \E u \in Seqs \ {<<>>} : t = u \o s
ASSUME \A s \in Seqs : /\ Prefixes(s) = {p \in Seqs : \E u \in Seqs : s = p \o u}
                       /\ Suffixes(s) = {p \in Seqs : \E u \in Seqs : s = u \o p}
                       /\ SubSeqs(s) = {p \in Seqs : \E u, v \in Seqs : s = u \o p \o v}
ASSUME \A s, t \in Seqs :
          LET C == {p \in Seqs : \A q \in {s, t} : \E u \in Seqs : q = p \o u}
          IN  /\ CommonPrefixes({s, t}) = C
              /\ LongestCommonPrefix({s, t}) \in C
              /\ \A p \in C : Len(p) <= Len(LongestCommonPrefix({s, t}))
ASSUME \A a \in 1..7, b \in 1..3 : SeqMod(a, b) \in 1..b /\ (a - SeqMod(a, b)) % b = 0
ASSUME \A s \in Seqs : /\ FoldLeft(Pair, 0, s) = LeftRef(s)
                       /\ FoldRight(Pair, s, 0) = RightRef(s)
                       /\ FoldSeq(Pair, 0, s) = RightRef(s)
                       /\ FoldSeq(Plus, 0, s) = FoldLeft(Plus, 0, s)
                       /\ FoldLeftDomain(Pair, 0, s) = LeftRef(Indices(s))
                       /\ FoldRightDomain(Pair, s, 0) = RightRef(Indices(s))
ASSUME \A s, t \in Seqs : /\ FlattenSeq(<<s, t>>) = s \o t
                          /\ FlattenSeq(<<s, <<>>, t, s>>) = s \o t \o s
ASSUME FlattenSeq(<<>>) = <<>> /\ FlattenSeq(<<"ab", "c">>) = "abc"
ASSUME \A s, t \in Seqs : Len(s) = Len(t) =>
          /\ Zip(s, t) = [i \in 1..Len(s) |-> <<s[i], t[i]>>]
          /\ Len(s) > 0 => /\ Len(Interleave(s, t)) = 2 * Len(s)
                           /\ \A i \in 1..Len(s) : /\ Interleave(s, t)[2 * i - 1] = <<s[i]>>
                                                   /\ Interleave(s, t)[2 * i] = <<t[i]>>
ASSUME Interleave(<<>>, <<>>) = <<<<>>, <<>>>>
ASSUME \A s, t \in Seqs : s \in SubSeqs(t) =>
          LET i == IndexFirstSubSeq(s, t)
          IN  /\ SubSeq(t, i, i + Len(s) - 1) = s
              /\ \A j \in 1..i - 1 : SubSeq(t, j, j + Len(s) - 1) # s
              /\ ReplaceSubSeqAt(i, <<9>>, s, t) = SubSeq(t, 1, i - 1) \o <<9>> \o SubSeq(t, i + Len(s), Len(t))
              /\ ReplaceFirstSubSeq(<<9>>, s, t) = ReplaceSubSeqAt(i, <<9>>, s, t)
ASSUME ReplaceFirstSubSeq(<<2>>, <<3>>, <<1, 3, 3>>) = <<1, 2, 3>>
ASSUME ReplaceFirstSubSeq(<<2>>, <<4>>, <<1, 3>>) = <<1, 3>>
ASSUME \A s \in Seqs :
          LET Is2(x) == x = 2
              I == {i \in 1..Len(s) : s[i] = 2}
              J == {i \in 2..Len(s) : s[i] = 2}
          IN  /\ SelectInSeq(s, Is2) = IF I = {} THEN 0 ELSE CHOOSE i \in I : \A j \in I : i <= j
              /\ SelectLastInSeq(s, Is2) = IF I = {} THEN 0 ELSE CHOOSE i \in I : \A j \in I : i >= j
              /\ SelectInSubSeq(s, 2, Len(s), Is2) = IF J = {} THEN 0 ELSE CHOOSE i \in J : \A j \in J : i <= j
              /\ SelectLastInSubSeq(s, 2, Len(s), Is2) = IF J = {} THEN 0 ELSE CHOOSE i \in J : \A j \in J : i >= j

(*************************************** BagsExt **************************)
BagsOf123 == UNION {[S -> 1..2] : S \in SUBSET {1, 2, 3}}
Count(B, x) == IF x \in DOMAIN B THEN B[x] ELSE 0
ASSUME \A B \in BagsOf123, x \in 1..4 :
          /\ BagAdd(B, x) = B (+) SetToBag({x})
          /\ BagRemove(B, x) = B (-) SetToBag({x})
          /\ BagRemoveAll(B, x) = [e \in DOMAIN B \ {x} |-> B[e]]
ASSUME \A B \in BagsOf123 :
          /\ SumBag(B) = Count(B, 1) * 1 + Count(B, 2) * 2 + Count(B, 3) * 3
          /\ ProductBag(B) = (IF Count(B, 2) = 0 THEN 1 ELSE 2 ^ Count(B, 2))
                             * (IF Count(B, 3) = 0 THEN 1 ELSE 3 ^ Count(B, 3))
          /\ FoldBag(LAMBDA x, y : {x} \cup y, {}, B) = DOMAIN B
          /\ MapThenFoldBag(LAMBDA x, y : x + y, 0, LAMBDA e : 1, LAMBDA S : CHOOSE e \in S : TRUE, B)
               = BagCardinality(B)
ASSUME FoldBag(Pair, 0, (1 :> 2) @@ (2 :> 1)) = <<1, <<1, <<2, 0>>>>>>

(*************************************** TLCExt ***************************)
ASSUME AssertEq(<<1, {2}>>, <<1, {2}>>) /\ ~AssertEq(1, 2)
ASSUME TLCCache(3 + 4, {}) = 7
=============================================================================
