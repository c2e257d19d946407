------------------------------- MODULE TLCExt -------------------------------
(***************************************************************************)
(* The parts of the community module TLCExt that need nothing of TLC's     *)
(* internals.  Trace, TLCModelValue, PickSuccessor and the other operators *)
(* that inspect the running model checker are not provided.                *)
(***************************************************************************)
LOCAL INSTANCE TLC

\* a = b; when they differ, both values are printed before the FALSE.
AssertEq(a, b) == IF a = b THEN TRUE ELSE PrintT(<<"AssertEq", a, b>>) /\ FALSE

\* expr itself: TLC's own version remembers the value; this one recomputes it.
TLCCache(expr, closure) == expr

=============================================================================
