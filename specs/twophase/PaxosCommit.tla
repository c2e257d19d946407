----------------------------- MODULE PaxosCommit ---------------------------
(***************************************************************************)
(* Paxos Commit: two-phase commit in which each RM's vote is not sent to a *)
(* single TM but chosen by an instance of Paxos run on 2F+1 acceptors.     *)
(*                                                                         *)
(* There is one Paxos instance per RM; its value is "prepared" or          *)
(* "aborted".  Ballot 0 of instance r belongs to RM r itself: since no     *)
(* lower ballot exists, r may skip phase 1 and send its vote as a phase 2a *)
(* message directly.  The transaction commits if every instance chose      *)
(* "prepared" and aborts if some instance chose "aborted"; Paxos makes     *)
(* each instance choose at most one value, so the two cannot both happen.  *)
(*                                                                         *)
(* The TM only learns the outcome and announces it.  If it crashes, a      *)
(* backup leader takes over with ballot 1 in every instance: it runs phase *)
(* 1, proposes the value it must (the one reported with the highest        *)
(* ballot), or "aborted" where it is free to choose, and announces the     *)
(* outcome once every instance has chosen.  The backup is the last leader  *)
(* of the model and does not crash.  Up to F acceptors may crash.          *)
(*                                                                         *)
(* With weak fairness for every running process, every RM eventually       *)
(* commits or aborts: unlike two-phase commit (TwoPhaseFailures.tla), the  *)
(* protocol does not block when the TM fails.                              *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS RM,         \* the resource managers, one Paxos instance each
          Acceptor,   \* 2F+1 acceptors
          Quorum,     \* the majorities of Acceptor
          F,          \* how many acceptors may crash
          Ballot      \* 0..1: ballot 0 is the RM's, ballot 1 the backup's

ASSUME /\ \A Q \in Quorum : Q \subseteq Acceptor
       /\ \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}
       /\ F \in Nat /\ Cardinality(Acceptor) = 2 * F + 1
       \* every quorum of running acceptors must survive F crashes
       /\ \A S \in SUBSET Acceptor :
              Cardinality(S) = F + 1 => \E Q \in Quorum : Q \subseteq S
       /\ Ballot \subseteq Nat /\ 0 \in Ballot

Vote == {"prepared", "aborted"}

None == CHOOSE v : v \notin Vote

BackupBallot == 1

Message ==
         [type : {"phase1a"}, ins : RM, bal : Ballot \ {0}]
    \cup [type : {"phase1b"}, ins : RM, acc : Acceptor, bal : Ballot,
          mbal : Ballot \cup {-1}, mval : Vote \cup {None}]
    \cup [type : {"phase2a"}, ins : RM, bal : Ballot, val : Vote]
    \cup [type : {"phase2b"}, ins : RM, acc : Acceptor, bal : Ballot, val : Vote]
    \cup [type : {"Commit", "Abort"}]

VARIABLES rmState,  \* as in TCommit
          aState,   \* aState[r][a]: acceptor a's state in instance r
          msgs,     \* every message ever sent
          tmUp,     \* the TM has not crashed
          aUp       \* the acceptors that have not crashed

vars == <<rmState, aState, msgs, tmUp, aUp>>

AcceptorState == [mbal : Ballot \cup {-1},    \* highest ballot joined
                  bal  : Ballot \cup {-1},    \* ballot of the last vote accepted
                  val  : Vote \cup {None}]    \* the last vote accepted

TypeOK == /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
          /\ aState \in [RM -> [Acceptor -> AcceptorState]]
          /\ msgs \subseteq Message
          /\ tmUp \in BOOLEAN
          /\ aUp \subseteq Acceptor

Send(m) == msgs' = msgs \cup {m}

Init == /\ rmState = [r \in RM |-> "working"]
        /\ aState = [r \in RM |-> [a \in Acceptor |->
                        [mbal |-> -1, bal |-> -1, val |-> None]]]
        /\ msgs = {}
        /\ tmUp = TRUE
        /\ aUp = Acceptor

(* Instance r has chosen v: a quorum accepted v in one ballot. *)
Chosen(r, v) ==
    \E b \in Ballot, Q \in Quorum :
        \A a \in Q : [type |-> "phase2b", ins |-> r, acc |-> a, bal |-> b, val |-> v] \in msgs

(* Whoever leads may announce the outcome once the instances determine it. *)
CommitDecided == \A r \in RM : Chosen(r, "prepared")
AbortDecided == \E r \in RM : Chosen(r, "aborted")

(***************************************************************************)
(* Resource managers.  The vote is the phase 2a message of ballot 0.       *)
(***************************************************************************)
RMPrepare(r) ==
    /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
    /\ Send([type |-> "phase2a", ins |-> r, bal |-> 0, val |-> "prepared"])
    /\ UNCHANGED <<aState, tmUp, aUp>>

RMChooseToAbort(r) ==
    /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ Send([type |-> "phase2a", ins |-> r, bal |-> 0, val |-> "aborted"])
    /\ UNCHANGED <<aState, tmUp, aUp>>

RMRcvCommitMsg(r) ==
    /\ [type |-> "Commit"] \in msgs
    /\ rmState[r] # "committed"
    /\ rmState' = [rmState EXCEPT ![r] = "committed"]
    /\ UNCHANGED <<aState, msgs, tmUp, aUp>>

RMRcvAbortMsg(r) ==
    /\ [type |-> "Abort"] \in msgs
    /\ rmState[r] # "aborted"
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<aState, msgs, tmUp, aUp>>

RMStep(r) == \/ RMPrepare(r) \/ RMChooseToAbort(r)
             \/ RMRcvCommitMsg(r) \/ RMRcvAbortMsg(r)

(***************************************************************************)
(* Acceptors.  The usual Paxos steps, separately in every instance.        *)
(***************************************************************************)
Phase1b(a) ==
    \E m \in msgs :
        /\ m.type = "phase1a"
        /\ m.bal > aState[m.ins][a].mbal
        /\ aState' = [aState EXCEPT ![m.ins][a].mbal = m.bal]
        /\ Send([type |-> "phase1b", ins |-> m.ins, acc |-> a, bal |-> m.bal,
                 mbal |-> aState[m.ins][a].bal, mval |-> aState[m.ins][a].val])
        /\ UNCHANGED <<rmState, tmUp, aUp>>

Phase2b(a) ==
    \E m \in msgs :
        /\ m.type = "phase2a"
        /\ m.bal >= aState[m.ins][a].mbal
        /\ aState' = [aState EXCEPT ![m.ins][a] =
                          [mbal |-> m.bal, bal |-> m.bal, val |-> m.val]]
        /\ Send([type |-> "phase2b", ins |-> m.ins, acc |-> a, bal |-> m.bal,
                 val |-> m.val])
        /\ UNCHANGED <<rmState, tmUp, aUp>>

AcceptorStep(a) == /\ a \in aUp
                   /\ Phase1b(a) \/ Phase2b(a)

(***************************************************************************)
(* The TM: learns the outcome of ballot 0 and announces it.                *)
(***************************************************************************)
Announce == \/ CommitDecided /\ Send([type |-> "Commit"])
            \/ AbortDecided /\ Send([type |-> "Abort"])

TMStep == /\ tmUp
          /\ Announce
          /\ UNCHANGED <<rmState, aState, tmUp, aUp>>

(***************************************************************************)
(* The backup leader, once the TM has crashed, runs ballot 1 everywhere.   *)
(***************************************************************************)
BackupPhase1a(r) ==
    Send([type |-> "phase1a", ins |-> r, bal |-> BackupBallot])

(* Propose the vote reported with the highest ballot by a quorum, or       *)
(* "aborted" if no acceptor of the quorum has accepted anything.           *)
BackupPhase2a(r) ==
    /\ ~ \E m \in msgs : m.type = "phase2a" /\ m.ins = r /\ m.bal = BackupBallot
    /\ \E Q \in Quorum :
         LET R == {m \in msgs : /\ m.type = "phase1b" /\ m.ins = r
                                /\ m.bal = BackupBallot /\ m.acc \in Q}
             voted == {m \in R : m.mbal >= 0}
         IN  /\ \A a \in Q : \E m \in R : m.acc = a
             /\ \E v \in Vote :
                  /\ IF voted = {}
                       THEN v = "aborted"
                       ELSE \E m \in voted : /\ m.mval = v
                                             /\ \A m2 \in voted : m2.mbal <= m.mbal
                  /\ Send([type |-> "phase2a", ins |-> r, bal |-> BackupBallot, val |-> v])

BackupStep == /\ ~ tmUp
              /\ \/ \E r \in RM : BackupPhase1a(r) \/ BackupPhase2a(r)
                 \/ Announce
              /\ UNCHANGED <<rmState, aState, tmUp, aUp>>

(***************************************************************************)
(* Failures: the TM, and up to F acceptors, crash and stay down.           *)
(***************************************************************************)
TMCrash == /\ tmUp
           /\ tmUp' = FALSE
           /\ UNCHANGED <<rmState, aState, msgs, aUp>>

(* How many acceptors may crash: F.  A separate name so that a model can  *)
(* let more crash and watch liveness fail (MCPaxosCommitTooManyCrashes).   *)
MaxCrashes == F

AcceptorCrash(a) ==
    /\ a \in aUp
    /\ Cardinality(Acceptor \ aUp) < MaxCrashes
    /\ aUp' = aUp \ {a}
    /\ UNCHANGED <<rmState, aState, msgs, tmUp>>

Next == \/ \E r \in RM : RMStep(r)
        \/ \E a \in Acceptor : AcceptorStep(a) \/ AcceptorCrash(a)
        \/ TMStep \/ BackupStep \/ TMCrash

(* Every running process is weakly fair; crashes are never forced. *)
Fairness == /\ \A r \in RM : WF_vars(RMStep(r))
            /\ \A a \in Acceptor : WF_vars(AcceptorStep(a))
            /\ WF_vars(TMStep)
            /\ WF_vars(BackupStep)

Spec == Init /\ [][Next]_vars /\ Fairness

(***************************************************************************)
(* Properties.                                                             *)
(***************************************************************************)
Decided(r) == rmState[r] \in {"committed", "aborted"}

(* The property two-phase commit lacks: no RM waits forever. *)
EveryRMDecides == \A r \in RM : <>Decided(r)

(* Paxos Commit implements the abstract transaction commit. *)
TC == INSTANCE TCommit

TCConsistent == TC!TCConsistent

(* No instance chooses two votes. *)
InstancesAgree == \A r \in RM : ~ (Chosen(r, "prepared") /\ Chosen(r, "aborted"))
=============================================================================
