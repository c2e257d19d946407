---------------------------- MODULE TraceTwoPhase ----------------------------
(***************************************************************************)
(* Explains the logs of the Java two-phase-commit example (impl/, package  *)
(* dev.dsverify.twophase) by TwoPhase.tla: every line is the TwoPhase      *)
(* action it names, taken by its node, and the state it logs is the        *)
(* state after that action at that node.                                   *)
(*                                                                         *)
(* The TM logs as node "tm"; every other node is an RM. Messages need no   *)
(* modelling here: TwoPhase keeps every message ever sent in a set, so a   *)
(* lost, repeated or late message is a step not taken, taken once, or      *)
(* taken later. A TM crash changes no spec variable (its state is durable) *)
(* and is not logged.                                                      *)
(***************************************************************************)
EXTENDS TwoPhase, TraceValidation

\* The resource managers: every node of the log but the TM.
TraceRMs == TraceNodes \ {"tm"}

TraceInit == TPInit

\* What a TM line logs about the TM's state after its step.
TMLogged(e) ==
    /\ Logged(e.state, "tmState") => tmState' = e.state.tmState
    /\ Logged(e.state, "tmPrepared") => tmPrepared' = ToSet(e.state.tmPrepared)

\* What an RM line logs about its own state after its step.
RMLogged(e) == Logged(e.state, "rmState") => rmState'[e.node] = e.state.rmState

ReplayStep(e) ==
    CASE e.event = "TMRcvPrepared"   -> TMRcvPrepared(e.rm) /\ TMLogged(e)
      [] e.event = "TMCommit"        -> TMCommit /\ TMLogged(e)
      [] e.event = "TMAbort"         -> TMAbort /\ TMLogged(e)
      [] e.event = "RMPrepare"       -> RMPrepare(e.node) /\ RMLogged(e)
      [] e.event = "RMChooseToAbort" -> RMChooseToAbort(e.node) /\ RMLogged(e)
      [] e.event = "RMRcvCommitMsg"  -> RMRcvCommitMsg(e.node) /\ RMLogged(e)
      [] e.event = "RMRcvAbortMsg"   -> RMRcvAbortMsg(e.node) /\ RMLogged(e)
==============================================================================
