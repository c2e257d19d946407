--------------------------- MODULE MCRaftSnapshot ---------------------------
(* The snapshot model: three servers, three terms, logs of two entries, two *)
(* log compactions, one crash and one lost message; one message in flight.  *)
(* The lost message is what lets a follower hold the snapshot's last entry  *)
(* without knowing it committed, so InstallSnapshot keeps its suffix; the   *)
(* third term lets a new leader find followers behind its snapshot.         *)
EXTENDS RaftModels
=============================================================================
