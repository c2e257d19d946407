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

\* Equality, with the same meaning as a = b. Java answers at once when both
\* are the very same value (an unchanged variable), instead of walking a
\* long log element by element on every line.
Same(a, b) == a = b
=============================================================================
