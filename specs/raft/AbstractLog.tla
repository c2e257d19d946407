---------------------------- MODULE AbstractLog ----------------------------
(***************************************************************************)
(* What a replicated log promises its clients: a sequence of decided      *)
(* entries that only ever grows at the end.  Nothing once decided is       *)
(* changed, reordered or removed.                                          *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANT Entry

VARIABLE chosen

Init == chosen = <<>>

\* chosen is a proper prefix of chosen': one or more entries are decided at
\* once (a leader may learn that several indexes are committed in one step).
Extend ==
    /\ Len(chosen') > Len(chosen)
    /\ SubSeq(chosen', 1, Len(chosen)) = chosen
    /\ \A k \in 1..Len(chosen') : chosen'[k] \in Entry

Spec == Init /\ [][Extend]_chosen

TypeOK == chosen \in Seq(Entry)
=============================================================================
