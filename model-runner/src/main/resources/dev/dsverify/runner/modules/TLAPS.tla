------------------------------- MODULE TLAPS -------------------------------
(***************************************************************************)
(* The names the TLA+ Proof System gives its back-end pragmas, so that a   *)
(* spec carrying proofs (EXTENDS TLAPS) can be model-checked.  TLC never   *)
(* checks proofs; a pragma only has to be a defined operator of the right  *)
(* arity, and TRUE is what the proof system defines each to be.            *)
(***************************************************************************)

\* SMT solvers: the default one, CVC, Yices, veriT, Z3, and their variants
\* with a time (or resource) limit as argument.
SimpleArithmetic == TRUE
SMT == TRUE
SMTT(X) == TRUE
CVC3 == TRUE
CVC3T(X) == TRUE
CVC4 == TRUE
CVC4T(X) == TRUE
Yices == TRUE
YicesT(X) == TRUE
veriT == TRUE
veriTT(X) == TRUE
Z3 == TRUE
Z3T(X) == TRUE

\* First-order provers.
Zipper == TRUE
ZipperT(X) == TRUE
Spass == TRUE
SpassT(X) == TRUE
Zenon == TRUE
ZenonT(X) == TRUE
SlowZenon == TRUE
SlowerZenon == TRUE
VerySlowZenon == TRUE
SlowestZenon == TRUE

\* Propositional temporal logic.
LS4 == TRUE
LS4T(X) == TRUE
PTL == TRUE

\* Isabelle, with a time limit, a tactic, or both.
Isa == TRUE
IsaT(X) == TRUE
IsaM(X) == TRUE
IsaMT(X, Y) == TRUE
IsaWithSetExtensionality == TRUE
Auto == TRUE
SlowAuto == TRUE
SlowerAuto == TRUE
SlowestAuto == TRUE
Force == TRUE
SlowForce == TRUE
SlowerForce == TRUE
SlowestForce == TRUE
SimplifyAndSolve == TRUE
SlowSimplifyAndSolve == TRUE
SlowerSimplifyAndSolve == TRUE
SlowestSimplifyAndSolve == TRUE
Simplification == TRUE
SlowSimplification == TRUE
SlowerSimplification == TRUE
SlowestSimplification == TRUE
Blast == TRUE
SlowBlast == TRUE
SlowerBlast == TRUE
SlowestBlast == TRUE
AutoBlast == TRUE

\* Several back ends one after the other.
AllProvers == TRUE
AllProversT(X) == TRUE
AllSMT == TRUE
AllSMTT(X) == TRUE
AllIsa == TRUE
AllIsaT(X) == TRUE

\* Expansion of ENABLED and \cdot, and other steps of the proof manager.
ExpandENABLED == TRUE
ExpandCdot == TRUE
AutoUSE == TRUE
Lambdify == TRUE
ENABLEDaxioms == TRUE
LevelComparison == TRUE
Trivial == TRUE
EnabledWrapper(Op(_)) == FALSE
CdotWrapper(Op(_)) == FALSE

\* Two facts of set theory that proofs cite by name.  TLC does not check
\* theorems; they are stated so that a BY clause naming them resolves.
THEOREM SetExtensionality == \A S, T : (\A x : x \in S <=> x \in T) => S = T
THEOREM NoSetContainsEverything == \A S : \E x : x \notin S
=============================================================================
