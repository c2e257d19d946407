------------------------- MODULE MCRaftSnapshotQuick -------------------------
(* The quick snapshot model: three servers, two terms, logs of two entries,  *)
(* one log compaction, one crash; one message in flight.  A leader that has  *)
(* committed on a majority compacts and brings the third server up to date   *)
(* with InstallSnapshot; the crash recovers a snapshot.                      *)
EXTENDS RaftModels
=============================================================================
