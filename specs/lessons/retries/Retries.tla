------------------------------ MODULE Retries ------------------------------
(***************************************************************************)
(* A client asks a server to perform operations that have a side effect   *)
(* (charge a card, append a record).  The network may lose a request or a *)
(* reply.  When no reply comes back the client retries -- it has no other *)
(* choice, since silence does not tell it whether the request was lost,   *)
(* is still on its way, or was carried out and only the reply was lost.   *)
(* Retrying makes delivery at-least-once, so the server may see the same  *)
(* operation several times.                                               *)
(*                                                                         *)
(* With UseRequestIds every request carries the operation's id, the same  *)
(* on every retry, and the server remembers the ids it has executed: a    *)
(* repeat is answered again but not executed again.  Without it the       *)
(* server executes whatever arrives.                                       *)
(*                                                                         *)
(* Every message carries `op`, the model's name for the operation, so the *)
(* invariants can talk about it.  Without request ids the server does not *)
(* read it: in the system being modelled it is not on the wire.           *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    Ops,            \* the operations the client wants performed, once each
    MaxAttempts,    \* the client sends an operation at most this often
    UseRequestIds   \* TRUE: the server deduplicates by request id

ASSUME /\ MaxAttempts \in Nat \ {0}
       /\ UseRequestIds \in BOOLEAN

VARIABLES
    attempts,   \* client: how often it has sent each operation
    acked,      \* client: the operations it has a reply for
    requests,   \* network: requests in flight, as [op, attempt]
    replies,    \* network: replies in flight, as [op, attempt]
    executed,   \* server: the ids it has executed (used with UseRequestIds)
    applied     \* how often each operation's side effect has happened

vars == <<attempts, acked, requests, replies, executed, applied>>

Msg == [op : Ops, attempt : 1..MaxAttempts]

TypeOK ==
    /\ attempts \in [Ops -> 0..MaxAttempts]
    /\ acked \subseteq Ops
    /\ requests \subseteq Msg
    /\ replies \subseteq Msg
    /\ executed \subseteq Ops
    /\ applied \in [Ops -> Nat]

Init ==
    /\ attempts = [o \in Ops |-> 0]
    /\ acked = {}
    /\ requests = {}
    /\ replies = {}
    /\ executed = {}
    /\ applied = [o \in Ops |-> 0]

(***************************************************************************)
(* The client sends an operation it has no reply for: the first time, or  *)
(* again because its timer fired.  The timer may fire at any moment: the  *)
(* client's choice of timeout is a guess and the model assumes nothing    *)
(* about how long the network or the server takes.                        *)
(***************************************************************************)
Send(o) ==
    /\ o \notin acked
    /\ attempts[o] < MaxAttempts
    /\ attempts' = [attempts EXCEPT ![o] = @ + 1]
    /\ requests' = requests \cup {[op |-> o, attempt |-> attempts[o] + 1]}
    /\ UNCHANGED <<acked, replies, executed, applied>>

(***************************************************************************)
(* The server handles a request.  Without request ids every request is    *)
(* new to it.  With them it executes an id at most once and answers       *)
(* repeats from memory.  Either way it replies.                           *)
(***************************************************************************)
Handle(m) ==
    /\ m \in requests
    /\ requests' = requests \ {m}
    /\ IF UseRequestIds /\ m.op \in executed
          THEN UNCHANGED <<applied, executed>>
          ELSE /\ applied' = [applied EXCEPT ![m.op] = @ + 1]
               /\ executed' = IF UseRequestIds THEN executed \cup {m.op}
                                               ELSE executed
    /\ replies' = replies \cup {m}
    /\ UNCHANGED <<attempts, acked>>

(* The client gets a reply: the operation is done as far as it knows.     *)
Receive(m) ==
    /\ m \in replies
    /\ replies' = replies \ {m}
    /\ acked' = acked \cup {m.op}
    /\ UNCHANGED <<attempts, requests, executed, applied>>

LoseRequest(m) ==
    /\ m \in requests
    /\ requests' = requests \ {m}
    /\ UNCHANGED <<attempts, acked, replies, executed, applied>>

LoseReply(m) ==
    /\ m \in replies
    /\ replies' = replies \ {m}
    /\ UNCHANGED <<attempts, acked, requests, executed, applied>>

Next ==
    \/ \E o \in Ops : Send(o)
    \/ \E m \in Msg : Handle(m)
    \/ \E m \in Msg : LoseRequest(m)
    \/ \E m \in Msg : Receive(m)
    \/ \E m \in Msg : LoseReply(m)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(***************************************************************************)
(* ExactlyOnce: no operation's side effect happens twice, and an          *)
(* operation the client has a reply for has happened.  (An operation the  *)
(* client gave up on may or may not have happened; see the next one.)     *)
(***************************************************************************)
ExactlyOnce ==
    \A o \in Ops : /\ applied[o] <= 1
                   /\ o \in acked => applied[o] = 1

(***************************************************************************)
(* GaveUpMeansNotApplied: when the client has used all its attempts,      *)
(* has no reply and nothing is left in flight, the operation did not      *)
(* happen.  It is what a client would like to conclude from a timeout,    *)
(* and it is false with or without request ids: the reply may have been  *)
(* the message that was lost.                                             *)
(***************************************************************************)
GaveUp(o) ==
    /\ attempts[o] = MaxAttempts
    /\ o \notin acked
    /\ \A m \in requests \cup replies : m.op # o

GaveUpMeansNotApplied ==
    \A o \in Ops : GaveUp(o) => applied[o] = 0

=============================================================================
