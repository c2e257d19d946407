-------------------------- MODULE TraceLockService --------------------------
(* Explains a lock server's log: one line per step, naming the client. *)
EXTENDS LockService, TraceValidation

TraceInit == Init

ReplayStep(e) ==
    CASE e.event = "Request" -> Request(e.node) /\ waiting' = ToSet(e.waiting)
      [] e.event = "Grant"   -> Grant(e.node) /\ AgreesOn([holder |-> holder', count |-> grants'[e.node]], e.state)
      [] e.event = "Release" -> Release(e.node) /\ (Logged(e, "grants") => grants' = e.grants)
==============================================================================
