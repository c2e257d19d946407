-------------------------- MODULE MCRaftCheckQuorum --------------------------
(* Raft with CheckQuorum (CheckQuorumEnabled <- CheckQuorumOn in the .cfg):  *)
(* a leader that heard from no majority since its last check steps down.    *)
EXTENDS RaftModels

=============================================================================
