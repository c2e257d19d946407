---------------------------- MODULE MCPaxosCommit --------------------------
(* Two RMs, F = 1 (three acceptors), ballots 0 and 1. *)
EXTENDS PaxosCommit
MCRM == {"r1", "r2"}
MCAcceptor == {"a1", "a2", "a3"}
MCQuorum == {Q \in SUBSET MCAcceptor : Cardinality(Q) * 2 > Cardinality(MCAcceptor)}
MCBallot == 0..1

TCommitRefinement == TC!TCSpec
=============================================================================
