---------------------- MODULE MCPaxosDisjointQuorums -----------------------
(***************************************************************************)
(* Mutant: quorums that do not intersect.  Any single acceptor of the      *)
(* three is a quorum.  The algorithm is unchanged; only the quorum system  *)
(* is wrong.  Voting.tla assumes QuorumsIntersect, so the configuration    *)
(* replaces that assumption with NoIntersectionRequired: without it TLC    *)
(* would refuse the model before exploring any state.                      *)
(*                                                                         *)
(* Two leaders each hear from a different single acceptor and each gets    *)
(* its own value chosen.                                                   *)
(***************************************************************************)
EXTENDS MCPaxos

(* Two ballots are enough to show the error and keep the run short. *)
TwoBallots == 0..1

SingletonQuorum == {{a} : a \in MCAcceptor}

NoIntersectionRequired == TRUE
=============================================================================
