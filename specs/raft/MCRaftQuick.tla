---------------------------- MODULE MCRaftQuick ----------------------------
(* The quick model: three servers, one term of elections beyond the first, *)
(* one command, one fault of each kind.  Symmetric in servers and values. *)
EXTENDS RaftModels

=============================================================================
