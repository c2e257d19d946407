------------------------- MODULE MCRaftMutantFigure8 -------------------------
(* Broken variant: a leader commits an entry of an earlier term as soon as a *)
(* majority stores it, by counting replicas (Figure 8 of the Raft paper).    *)
EXTENDS RaftModels

\* Replaces CommitEligible: any entry on a majority counts, whatever its term.
CommitByReplicaCount(i, k) == TRUE

=============================================================================
