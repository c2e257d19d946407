-------------------------- MODULE MCRaftTinyPreVote --------------------------
(* MCRaftTiny with pre-vote: a pre-vote round, then one election, in a     *)
(* model small enough to explore whole in a unit test.                     *)
EXTENDS RaftModels
=============================================================================
