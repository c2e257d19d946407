--------------------------- MODULE TraceValidation ---------------------------
(***************************************************************************)
(* What a trace spec needs to explain a log of any system. A trace spec    *)
(* EXTENDS the system's spec and this module and defines                   *)
(*                                                                         *)
(*   TraceInit       the initial states (usually the system's Init), and   *)
(*   ReplayStep(e)   the step explaining the log record e: the system's    *)
(*                   action the record names, with its parameters, and     *)
(*                   what the record says about the state after the step.  *)
(*                                                                         *)
(* dsverify owns the cursor: it applies ReplayStep to the records of the   *)
(* log one after another, so ReplayStep never mentions line numbers.       *)
(*                                                                         *)
(* dsverify reads the NDJSON log and supplies TraceLog and TraceNodes in   *)
(* Java (operator overrides); the bodies below only stand in for them, so  *)
(* that a run without the Java classes fails loudly instead of checking an *)
(* empty log.                                                              *)
(***************************************************************************)
EXTENDS Naturals, Sequences

\* The log: one record per NDJSON line, in order (several files are merged
\* by Lamport clock). JSON objects are records, arrays are sequences.
TraceLog == CHOOSE t \in {} : TRUE

\* JSON null: a model value, equal only to itself and comparable with any
\* value. Map it to the spec's own "no value" where they meet, e.g.
\*   IF e.state.holder = TraceNull THEN Nobody ELSE e.state.holder
\* or let the spec's constant be this value: CONSTANT Nobody <- TraceNull.
TraceNull == CHOOSE n \in {} : TRUE

\* The values of the "node" field of the log's records: the nodes of the run.
TraceNodes == CHOOSE s \in {} : TRUE

\* The set of a sequence's elements: how a logged JSON array that stands for
\* a set (e.g. the votes a node holds) is compared with a set of the spec.
ToSet(s) == {s[i] : i \in DOMAIN s}

\* Whether the record logs field f (a log may leave out what did not change).
Logged(r, f) == f \in DOMAIN r

\* The partial record r agrees with the spec's record (or function over
\* strings) v: every field r logs exists in v with the same value; fields r
\* does not log are not compared.
AgreesOn(v, r) == \A f \in DOMAIN r : f \in DOMAIN v /\ v[f] = r[f]
=============================================================================
