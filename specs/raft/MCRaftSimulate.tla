--------------------------- MODULE MCRaftSimulate ---------------------------
(* Random behaviours of five servers with every fault enabled, for TLC's    *)
(* simulation mode: too large to explore exhaustively, deep enough for      *)
(* several elections, crashes and a replicated log.                          *)
EXTENDS RaftModels
=============================================================================
