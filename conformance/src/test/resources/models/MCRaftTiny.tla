----------------------------- MODULE MCRaftTiny -----------------------------
(* A model small enough to explore whole in a unit test: one term, one     *)
(* command, one message in flight, no faults.                              *)
EXTENDS RaftModels
=============================================================================
