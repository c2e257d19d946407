------------------------------ MODULE MCPaxos ------------------------------
(* 3 acceptors, 2 values, ballots 0..2, majority quorums, exhaustive. *)
EXTENDS Paxos
MCAcceptor == {"a1", "a2", "a3"}
MCValue == {"v1", "v2"}
MCQuorum == {Q \in SUBSET MCAcceptor : Cardinality(Q) * 2 > Cardinality(MCAcceptor)}
MCBallot == 0..2

VotesSafe == V!VotesSafe
OneValuePerBallot == V!OneValuePerBallot

(* Paxos implements Voting, and through it Consensus. *)
VotingRefinement == V!Spec
ConsensusRefinement == V!C!Spec
=============================================================================
