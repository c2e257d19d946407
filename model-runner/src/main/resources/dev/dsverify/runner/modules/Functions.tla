----------------------------- MODULE Functions -----------------------------
(***************************************************************************)
(* Restriction, range, inverse, and injective, surjective and bijective    *)
(* functions, plus folds over a function's values.  Operator names and     *)
(* meanings follow the TLA+ community modules.                             *)
(***************************************************************************)
LOCAL INSTANCE Folds

\* f with its domain cut down to S (S should be a subset of DOMAIN f).
Restrict(f, S) == [x \in S |-> f[x]]

\* f on the arguments that pass Test, or whose values pass Test.
RestrictDomain(f, Test(_)) == Restrict(f, {x \in DOMAIN f : Test(x)})
RestrictValues(f, Test(_)) == Restrict(f, {x \in DOMAIN f : Test(f[x])})

\* f is g restricted to the domain of f.
IsRestriction(f, g) ==
    /\ DOMAIN f \subseteq DOMAIN g
    /\ \A x \in DOMAIN f : f[x] = g[x]

\* The set of values f takes.
Range(f) == {f[x] : x \in DOMAIN f}

\* A function from T to S mapping every value t that f takes to some
\* argument s \in S with f[s] = t; values f does not take map to an
\* arbitrary element of S.
Inverse(f, S, T) == [t \in T |-> CHOOSE s \in S : t \in Range(f) => f[s] = t]

\* The inverse of f on the values f takes.
AntiFunction(f) == Inverse(f, DOMAIN f, Range(f))

IsInjective(f) == \A a, b \in DOMAIN f : f[a] = f[b] => a = b
IsSurjective(f, S, T) == \A t \in T : \E s \in S : f[s] = t
IsBijection(f, S, T) == IsInjective(f) /\ IsSurjective(f, S, T)

Injection(S, T) == {f \in [S -> T] : IsInjective(f)}
Surjection(S, T) == {f \in [S -> T] : IsSurjective(f, S, T)}
Bijection(S, T) == Injection(S, T) \cap Surjection(S, T)

ExistsInjection(S, T) == Injection(S, T) # {}
ExistsSurjection(S, T) == Surjection(S, T) # {}
ExistsBijection(S, T) == Bijection(S, T) # {}

\* Op applied argument by argument to two functions with the same domain.
Pointwise(Op(_, _), f, g) == [x \in DOMAIN f |-> Op(f[x], g[x])]

\* op folded over the values of fun (at the arguments in indices), starting
\* from base; meant for an associative and commutative op.
FoldFunction(op(_, _), base, fun) ==
    MapThenFoldSet(op, base, LAMBDA i : fun[i], LAMBDA s : CHOOSE x \in s : TRUE, DOMAIN fun)
FoldFunctionOnSet(op(_, _), base, fun, indices) ==
    MapThenFoldSet(op, base, LAMBDA i : fun[i], LAMBDA s : CHOOSE x \in s : TRUE, indices)
=============================================================================
