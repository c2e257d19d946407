---------------------------- MODULE MCRaftQuick ----------------------------
(* The quick model: three servers, two terms, one command, one message in  *)
(* flight, no faults; elections do not overlap and requests carry every     *)
(* entry they may.  Symmetric in servers and values.                        *)
EXTENDS RaftModels

=============================================================================
