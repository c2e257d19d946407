--------------------- MODULE MCPaxosCommitTooManyCrashes -------------------
(***************************************************************************)
(* The model of MCPaxosCommitOneRM, but F + 1 = 2 of the 3 acceptors may   *)
(* crash (the configuration replaces MaxCrashes).  Then no quorum may      *)
(* remain, no ballot can choose a vote, and EveryRMDecides fails: Paxos    *)
(* Commit tolerates F acceptor failures, not more.                         *)
(***************************************************************************)
EXTENDS MCPaxosCommitOneRM

TwoCrashes == 2
=============================================================================
