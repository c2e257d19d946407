--------------------- MODULE MCPaxosAcceptBelowPromise ---------------------
(***************************************************************************)
(* Mutant: an acceptor accepts a 2a message of a ballot below the one it   *)
(* has promised in phase 1b.  The configuration replaces Paxos's           *)
(* AcceptsBallot with AcceptsAnyBallot; nothing else changes.              *)
(*                                                                         *)
(* A leader of a higher ballot that saw no accepted value in its quorum    *)
(* may then get a value chosen while an old proposal of a lower ballot is  *)
(* still accepted by a quorum, so two values are chosen.                   *)
(***************************************************************************)
EXTENDS MCPaxos

(* Two ballots are enough to show the error and keep the run short. *)
TwoBallots == 0..1

AcceptsAnyBallot(a, b) == TRUE
=============================================================================
