----------------------------- MODULE MCRaftFull -----------------------------
(* The full model: three servers, three terms, two commands, logs of up to *)
(* two entries, one crash, one lost and one duplicated message.  Servers   *)
(* send only into an empty network; the duplicate is what puts a second   *)
(* message in flight, so a stale copy can still arrive late, after the     *)
(* exchange it belongs to or after the crash.  VotesSafe is checked in its *)
(* history-free form (VotesHeldWereCast, OneVotePerTerm), which lets the   *)
(* model leave the history of votes out of its states.                     *)
EXTENDS RaftModels
=============================================================================
