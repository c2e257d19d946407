----------------------------- MODULE MCRaftFull -----------------------------
(* The full model: three servers, three terms, two commands, logs of up to *)
(* two entries, and one crash, one lost and one duplicated message.        *)
EXTENDS RaftModels
=============================================================================
