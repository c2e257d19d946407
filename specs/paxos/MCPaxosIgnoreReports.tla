----------------------- MODULE MCPaxosIgnoreReports ------------------------
(***************************************************************************)
(* Mutant: the leader of a ballot proposes any value it likes, ignoring    *)
(* the value with the highest ballot reported in the 1b messages.  The     *)
(* configuration replaces Paxos's ProposalRespectsReports with AnyProposal. *)
(*                                                                         *)
(* After v1 is chosen in one ballot, a later ballot whose quorum includes  *)
(* an acceptor that voted for v1 proposes v2 anyway and gets it chosen.    *)
(***************************************************************************)
EXTENDS MCPaxos

(* Two ballots are enough to show the error and keep the run short. *)
TwoBallots == 0..1

AnyProposal(b, v, R) == TRUE
=============================================================================
