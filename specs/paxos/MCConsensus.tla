---------------------------- MODULE MCConsensus ----------------------------
(* Two values; checks safety and, under LiveSpec, that a value is chosen. *)
EXTENDS Consensus
MCValue == {"v1", "v2"}
=============================================================================
