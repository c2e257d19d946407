------------------------------ MODULE TCommit ------------------------------
(***************************************************************************)
(* What a transaction commit protocol must guarantee, with no messages.    *)
(*                                                                         *)
(* Each resource manager (RM) starts "working", may become "prepared"      *)
(* (ready to commit), and ends "committed" or "aborted".  The transaction  *)
(* may commit only if every RM is prepared, and may abort only if no RM    *)
(* has committed.  The safety property is TCConsistent: no RM commits      *)
(* while another aborts.                                                   *)
(***************************************************************************)
CONSTANT RM   \* the resource managers

VARIABLE rmState   \* rmState[r] is the state of resource manager r

TCTypeOK == rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]

TCInit == rmState = [r \in RM |-> "working"]

(* Every RM is prepared or has already committed. *)
CanCommit == \A r \in RM : rmState[r] \in {"prepared", "committed"}

(* No RM has committed. *)
NotCommitted == \A r \in RM : rmState[r] # "committed"

Prepare(r) == /\ rmState[r] = "working"
              /\ rmState' = [rmState EXCEPT ![r] = "prepared"]

Decide(r) == \/ /\ rmState[r] = "prepared"
                /\ CanCommit
                /\ rmState' = [rmState EXCEPT ![r] = "committed"]
             \/ /\ rmState[r] \in {"working", "prepared"}
                /\ NotCommitted
                /\ rmState' = [rmState EXCEPT ![r] = "aborted"]

TCNext == \E r \in RM : Prepare(r) \/ Decide(r)

TCSpec == TCInit /\ [][TCNext]_rmState

(* No RM has committed while another has aborted. *)
TCConsistent == \A r1, r2 \in RM : ~ /\ rmState[r1] = "aborted"
                                     /\ rmState[r2] = "committed"
=============================================================================
