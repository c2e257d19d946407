------------------------------ MODULE TwoPhase -----------------------------
(***************************************************************************)
(* Two-phase commit.  A transaction manager (TM) collects "Prepared"       *)
(* messages from the RMs; once every RM has prepared it decides to commit  *)
(* and broadcasts "Commit", and it may instead decide to abort at any time *)
(* before that and broadcast "Abort".  An RM that is still working may     *)
(* abort on its own, since the TM cannot commit without its vote.          *)
(*                                                                         *)
(* Messages are kept in a set and never removed: an RM may receive the     *)
(* decision late, several times, or (if it never takes the step) never.    *)
(* This module has no failures; TwoPhaseFailures.tla adds them.            *)
(***************************************************************************)
CONSTANT RM

VARIABLES rmState,     \* rmState[r]: state of RM r, as in TCommit
          tmState,     \* "init", "committed" or "aborted"
          tmPrepared,  \* the RMs from which the TM has received "Prepared"
          msgs         \* every message ever sent

vars == <<rmState, tmState, tmPrepared, msgs>>

Message == [type : {"Prepared"}, rm : RM] \cup [type : {"Commit", "Abort"}]

TPTypeOK == /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
            /\ tmState \in {"init", "committed", "aborted"}
            /\ tmPrepared \subseteq RM
            /\ msgs \subseteq Message

TPInit == /\ rmState = [r \in RM |-> "working"]
          /\ tmState = "init"
          /\ tmPrepared = {}
          /\ msgs = {}

(***************************************************************************)
(* The transaction manager.                                                *)
(***************************************************************************)
TMRcvPrepared(r) ==
    /\ tmState = "init"
    /\ [type |-> "Prepared", rm |-> r] \in msgs
    /\ tmPrepared' = tmPrepared \cup {r}
    /\ UNCHANGED <<rmState, tmState, msgs>>

(* The TM may commit only when it has heard "Prepared" from every RM.      *)
(* Factored out so that a mutant model can weaken it.                      *)
TMCanCommit == tmPrepared = RM

TMCommit ==
    /\ tmState = "init"
    /\ TMCanCommit
    /\ tmState' = "committed"
    /\ msgs' = msgs \cup {[type |-> "Commit"]}
    /\ UNCHANGED <<rmState, tmPrepared>>

TMAbort ==
    /\ tmState = "init"
    /\ tmState' = "aborted"
    /\ msgs' = msgs \cup {[type |-> "Abort"]}
    /\ UNCHANGED <<rmState, tmPrepared>>

(***************************************************************************)
(* The resource managers.                                                  *)
(***************************************************************************)
RMPrepare(r) ==
    /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
    /\ msgs' = msgs \cup {[type |-> "Prepared", rm |-> r]}
    /\ UNCHANGED <<tmState, tmPrepared>>

RMChooseToAbort(r) ==
    /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvCommitMsg(r) ==
    /\ [type |-> "Commit"] \in msgs
    /\ rmState[r] # "committed"
    /\ rmState' = [rmState EXCEPT ![r] = "committed"]
    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvAbortMsg(r) ==
    /\ [type |-> "Abort"] \in msgs
    /\ rmState[r] # "aborted"
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

TMStep == TMCommit \/ TMAbort \/ \E r \in RM : TMRcvPrepared(r)

RMStep(r) == \/ RMPrepare(r) \/ RMChooseToAbort(r)
             \/ RMRcvCommitMsg(r) \/ RMRcvAbortMsg(r)

TPNext == TMStep \/ \E r \in RM : RMStep(r)

TPSpec == TPInit /\ [][TPNext]_vars

(* Two-phase commit implements the abstract transaction commit. *)
TC == INSTANCE TCommit

TCConsistent == TC!TCConsistent
=============================================================================
