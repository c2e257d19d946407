----------------------- MODULE MCRaftMutantSelfVoteTwice -----------------------
(* Broken variant: a candidate counts its own vote twice when it checks for *)
(* a majority.                                                             *)
EXTENDS RaftModels

\* Replaces HasVoteQuorum.
SelfCountedTwice(i) == (Cardinality(votesGranted[i]) + 1) * 2 > Cardinality(Server)

=============================================================================
