-------------------- MODULE MCRaftMutantCompactUncommitted --------------------
(* Broken variant: a server compacts every entry it holds, committed or not *)
(* (it snapshots what it has appended rather than what it has applied).     *)
EXTENDS RaftModels

\* Replaces CompactLimit: the end of the log, not the commit index.
CompactToLogEnd(i) == Len(log[i])

=============================================================================
