------------------------ MODULE MCRaftCompactBehind ------------------------
(* Variant for conformance tests: a server may compact only up to the entry *)
(* before its commit index.  Stricter than the code, which compacts all it  *)
(* has applied: offered the compaction this spec does not allow, it takes it. *)
EXTENDS RaftModels

CompactBehindCommit(i) == Min(commitIndex[i], Len(log[i])) - 1
=============================================================================
