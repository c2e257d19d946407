---- MODULE PingPong ----
(***************************************************************************)
(* Processes send numbered pings to each other over a network modelled as *)
(* a set of message records; the receiver of a ping replaces it with a    *)
(* pong.  Small on purpose: it exists to give the report a real TLC        *)
(* counterexample with messages in flight.                                 *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Procs, MaxSends

VARIABLES msgs, sent

vars == <<msgs, sent>>

Init == /\ msgs = {}
        /\ sent = [p \in Procs |-> 0]

\* p sends its next ping to q.
Ping(p, q) == /\ p # q
              /\ sent[p] < MaxSends
              /\ msgs' = msgs \cup {[type |-> "ping", from |-> p, to |-> q, seq |-> sent[p]]}
              /\ sent' = [sent EXCEPT ![p] = @ + 1]

\* The receiver of a ping answers it with a pong.
Pong(m) == /\ m.type = "ping"
           /\ msgs' = (msgs \ {m}) \cup {[type |-> "pong", from |-> m.to, to |-> m.from, seq |-> m.seq]}
           /\ UNCHANGED sent

Send == \E p, q \in Procs : Ping(p, q)
Answer == \E m \in msgs : Pong(m)

Next == Send \/ Answer

Spec == Init /\ [][Next]_vars

\* Deliberately wrong: two pongs can be in flight at once.
AtMostOnePong == Cardinality({m \in msgs : m.type = "pong"}) <= 1
====
