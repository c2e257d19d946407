----------------------------- MODULE MCVoting ------------------------------
(* 3 acceptors, 2 values, ballots 0..2, majority quorums. *)
EXTENDS Voting
MCAcceptor == {"a1", "a2", "a3"}
MCValue == {"v1", "v2"}
MCQuorum == {Q \in SUBSET MCAcceptor : Cardinality(Q) * 2 > Cardinality(MCAcceptor)}
MCBallot == 0..2

ConsensusRefinement == C!Spec
Agreement == C!AtMostOneChosen
=============================================================================
