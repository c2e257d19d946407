--------------------- MODULE MCRaftMutantPreVoteCastsVote -------------------
(***************************************************************************)
(* Broken variant: a server that grants a pre-vote records it as its vote *)
(* (as if the pre-vote were answered by the vote handler).  A pre-vote    *)
(* asks about the next term, so the recorded vote lands in the voter's    *)
(* current term, where it may already have voted for someone else: a     *)
(* candidate of that term that asks for pre-votes again then collects the *)
(* same voter's real vote a second time, and two leaders are elected.     *)
(***************************************************************************)
EXTENDS RaftModels

PreVoteCastsVote(i, m, grant) == IF grant THEN m.from ELSE votedFor[i]

\* Pre-votes are asked in the last term too (a candidate of term MaxTerm asks
\* about the next one, which it could never enter here): the bug needs it.
PreVoteInAnyTerm(i) == PreVoteEnabled
=============================================================================
