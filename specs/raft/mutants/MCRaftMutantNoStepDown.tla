------------------------ MODULE MCRaftMutantNoStepDown ------------------------
(* Broken variant: a server that learns of a newer term from a response     *)
(* adopts the term but keeps its role.                                      *)
EXTENDS RaftModels

\* Replaces RoleAfterNewTerm.
KeepRoleOnResponse(i, m) ==
    IF m.type \in {"RequestVoteResponse", "AppendEntriesResponse"}
    THEN role[i]
    ELSE Follower

=============================================================================
