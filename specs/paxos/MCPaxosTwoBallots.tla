-------------------------- MODULE MCPaxosTwoBallots ------------------------
(* The model of MCPaxos with ballots 0..1 only: same checks, small enough *)
(* for the default build.  MCPaxos (ballots 0..2) is the full model.      *)
EXTENDS MCPaxos
TwoBallots == 0..1
=============================================================================
