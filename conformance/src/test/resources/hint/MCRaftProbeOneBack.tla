------------------------- MODULE MCRaftProbeOneBack -------------------------
(* Broken variant for conformance tests: a rejected AppendEntries carries   *)
(* no hint, so the leader probes one entry back (prevLogIndex), as in the   *)
(* Raft paper without the optimization.  Safe, but not what the code sends. *)
EXTENDS RaftModels

ProbeOneBack(i, m) == [conflictIndex |-> m.prevLogIndex, conflictTerm |-> 0]
=============================================================================
