-------------------- MODULE MCRaftMutantCheckQuorumAnyTerm --------------------
(***************************************************************************)
(* Broken variant: a leader counts for CheckQuorum a message of any term,  *)
(* not only of its own.  A late message from a server still in an earlier  *)
(* term (cut off from the cluster, or just slow) then counts as a sign of   *)
(* life, so a leader can pass its check with a "majority" that includes a   *)
(* server that never learnt of its term, and stay in office cut off.        *)
(***************************************************************************)
EXTENDS RaftModels

HeardAnyTerm(i, m) == TRUE
=============================================================================
