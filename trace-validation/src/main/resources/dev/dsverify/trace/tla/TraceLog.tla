------------------------------ MODULE TraceLog ------------------------------
(***************************************************************************)
(* The log being validated. Java reads the NDJSON files with Jackson and   *)
(* supplies both operators (tlc2.overrides.TLCOverrides); the bodies below *)
(* only stand in for them, so that a run without the Java classes fails    *)
(* loudly instead of checking an empty log.                                *)
(***************************************************************************)

\* The merged trace: a sequence of event records, one per log line.
TraceLog == CHOOSE t \in {} : TRUE

\* The node ids the trace mentions: the cluster it was taken from.
TraceServers == CHOOSE s \in {} : TRUE
=============================================================================
