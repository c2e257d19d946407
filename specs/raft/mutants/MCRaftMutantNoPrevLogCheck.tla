----------------------- MODULE MCRaftMutantNoPrevLogCheck -----------------------
(* Broken variant: a follower appends after prevLogIndex without checking   *)
(* that its entry there has the leader's term prevLogTerm.                 *)
EXTENDS RaftModels

\* Replaces PrevLogOk: only that the index exists.
PrevLogIndexExists(i, m) == m.prevLogIndex <= Len(log[i])

=============================================================================
