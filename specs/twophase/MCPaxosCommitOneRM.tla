------------------------- MODULE MCPaxosCommitOneRM ------------------------
(* One RM, F = 1 (three acceptors), ballots 0 and 1: small enough for the *)
(* default build, and still covers TM crash, backup takeover and an       *)
(* acceptor crash.                                                         *)
EXTENDS PaxosCommit
MCRM == {"r1"}
MCAcceptor == {"a1", "a2", "a3"}
MCQuorum == {Q \in SUBSET MCAcceptor : Cardinality(Q) * 2 > Cardinality(MCAcceptor)}
MCBallot == 0..1

TCommitRefinement == TC!TCSpec
=============================================================================
