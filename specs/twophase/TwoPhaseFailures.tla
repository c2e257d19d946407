-------------------------- MODULE TwoPhaseFailures -------------------------
(***************************************************************************)
(* Two-phase commit with crash-stop failures of the TM and of the RMs.     *)
(*                                                                         *)
(* The protocol steps are those of TwoPhase.tla, unchanged; this module    *)
(* only says who is still running.  A crashed process takes no further     *)
(* steps, but messages it sent stay in the network.  Every running process *)
(* is weakly fair: a step it can keep taking, it eventually takes.         *)
(*                                                                         *)
(* RMs also run the cooperative termination protocol: a prepared RM that  *)
(* hears nothing from the TM may ask a running peer, and adopts the        *)
(* peer's outcome if the peer has already committed or aborted.  That      *)
(* removes every blocking case but one.                                    *)
(*                                                                         *)
(* EveryLiveRMDecides asks that every RM that never crashes ends up        *)
(* committed or aborted.  It does NOT hold: once an RM is prepared it may  *)
(* neither commit nor abort on its own (the TM might have decided either   *)
(* way), so if the TM crashes before broadcasting a decision while every   *)
(* RM is prepared, no one can decide and they all wait forever.  Two-phase *)
(* commit gives atomicity, not consensus: it blocks when the coordinator   *)
(* fails.  PaxosCommit.tla removes the block.                              *)
(*                                                                         *)
(* CrashableRM is the set of RMs that may crash.  With it empty, the only  *)
(* counterexample is the one above.  With RM crashes, a prepared RM can    *)
(* also be blocked by a peer that crashed before deciding.                 *)
(***************************************************************************)
CONSTANTS RM,
          CrashableRM   \* the RMs that may crash

ASSUME CrashableRM \subseteq RM

VARIABLES rmState, tmState, tmPrepared, msgs,
          tmUp,    \* the TM has not crashed
          rmUp     \* the RMs that have not crashed

TP == INSTANCE TwoPhase

vars == <<rmState, tmState, tmPrepared, msgs, tmUp, rmUp>>

TypeOK == /\ TP!TPTypeOK
          /\ tmUp \in BOOLEAN
          /\ rmUp \subseteq RM

Init == /\ TP!TPInit
        /\ tmUp = TRUE
        /\ rmUp = RM

(* A step of the TM or of RM r, taken only while it is running. *)
TMStep == /\ tmUp
          /\ TP!TMStep
          /\ UNCHANGED <<tmUp, rmUp>>

(* Cooperative termination: prepared RM r learns the outcome from a       *)
(* running peer p that has decided.  Safe because p can have committed     *)
(* only if every RM was prepared, and aborted only if none committed.      *)
RMAskPeer(r, p) ==
    /\ rmState[r] = "prepared"
    /\ p \in rmUp
    /\ rmState[p] \in {"committed", "aborted"}
    /\ rmState' = [rmState EXCEPT ![r] = rmState[p]]
    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMStep(r) == /\ r \in rmUp
             /\ \/ TP!RMStep(r)
                \/ \E p \in RM \ {r} : RMAskPeer(r, p)
             /\ UNCHANGED <<tmUp, rmUp>>

(* Crash-stop failures: a process stops and never comes back. *)
TMCrash == /\ tmUp
           /\ tmUp' = FALSE
           /\ UNCHANGED <<rmState, tmState, tmPrepared, msgs, rmUp>>

RMCrash(r) == /\ r \in rmUp \cap CrashableRM
              /\ rmUp' = rmUp \ {r}
              /\ UNCHANGED <<rmState, tmState, tmPrepared, msgs, tmUp>>

Next == \/ TMStep
        \/ \E r \in RM : RMStep(r)
        \/ TMCrash
        \/ \E r \in RM : RMCrash(r)

(* Running processes are weakly fair; crashes are never forced. *)
Fairness == /\ WF_vars(TMStep)
            /\ \A r \in RM : WF_vars(RMStep(r))

Spec == Init /\ [][Next]_vars /\ Fairness

Decided(r) == rmState[r] \in {"committed", "aborted"}

(* Every RM that is still running eventually commits or aborts. *)
EveryLiveRMDecides == \A r \in RM : <>(Decided(r) \/ r \notin rmUp)

(* Crashes and cooperative termination do not break safety. *)
TCConsistent == TP!TCConsistent

(* Still an implementation of TCommit. *)
TCommitRefinement == TP!TC!TCSpec
=============================================================================
