--------------------------- MODULE MCRaftPreVote ---------------------------
(* Raft with pre-vote (PreVoteEnabled <- PreVoteOn in the .cfg): election   *)
(* timers fire into PreVote, and only a pre-candidate holding a majority of *)
(* pre-votes times out into a new term.                                     *)
EXTENDS RaftModels

=============================================================================
