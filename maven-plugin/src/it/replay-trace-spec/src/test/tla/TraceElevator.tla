---------------------------- MODULE TraceElevator ----------------------------
EXTENDS Elevator, TraceValidation

TraceInit == Init

ReplayStep(e) ==
    CASE e.event = "Move"  -> Move(e.floor)
      [] e.event = "Open"  -> Open /\ floor' = e.at
      [] e.event = "Close" -> Close
==============================================================================
