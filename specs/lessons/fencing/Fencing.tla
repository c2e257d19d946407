------------------------------ MODULE Fencing ------------------------------
(***************************************************************************)
(* A lock service grants time-limited leases; clients that hold a lease   *)
(* write to a storage service.  A client checks that its lease is still   *)
(* valid and then writes -- but between the check and the write it can be *)
(* stopped (a garbage-collection pause, swapping, a descheduled VM).  The  *)
(* lock service cannot tell a paused client from a dead one, so once the   *)
(* lease runs out it grants the lock to someone else.  When the paused     *)
(* client wakes up, its write is already on its way.                       *)
(*                                                                         *)
(* Every grant carries a token, one larger than the previous grant's.      *)
(* With UseTokens the storage remembers the largest token it has accepted *)
(* and refuses writes carrying a smaller one: the stale write is fenced    *)
(* off.  Without it the storage accepts whatever arrives.                  *)
(*                                                                         *)
(* Time is one discrete global clock, `now`.  Clients read it perfectly:   *)
(* the danger shown here needs no clock error at all, only a pause.        *)
(* A running client keeps up with the clock (see RunningClientsKeepUp);    *)
(* only a paused one can fall behind.  With AllowPause = FALSE the model   *)
(* shows that leases alone would be safe if processes never paused.        *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Clients,      \* processes competing for the lock
    LeaseTicks,   \* length of a lease, in clock ticks
    MaxTime,      \* the clock stops here; this bounds the model
    UseTokens,    \* TRUE: storage checks fencing tokens
    AllowPause    \* TRUE: a client may be stopped at any moment

ASSUME /\ LeaseTicks \in Nat \ {0}
       /\ MaxTime \in Nat
       /\ UseTokens \in BOOLEAN
       /\ AllowPause \in BOOLEAN

VARIABLES
    now,        \* real time
    expiry,     \* lock service: when the most recent lease runs out
    nextToken,  \* lock service: the token the next grant will carry
    pc,         \* client: "idle", "holding" (has a lease) or "writing"
                \*   (checked its lease, write in flight)
    token,      \* client: token of the lease it was last granted
    leaseEnd,   \* client: when it was told its lease runs out
    paused,     \* the clients that are currently stopped
    maxToken,   \* storage: largest token on any accepted write
    log         \* storage: the accepted writes, oldest first

vars == <<now, expiry, nextToken, pc, token, leaseEnd, paused, maxToken, log>>

TypeOK ==
    /\ now \in 0..MaxTime
    /\ expiry \in Nat
    /\ nextToken \in Nat \ {0}
    /\ pc \in [Clients -> {"idle", "holding", "writing"}]
    /\ token \in [Clients -> Nat]
    /\ leaseEnd \in [Clients -> Nat]
    /\ paused \subseteq Clients
    /\ maxToken \in Nat
    /\ log \in Seq([client : Clients, token : Nat \ {0}])

Init ==
    /\ now = 0
    /\ expiry = 0            \* no lease has been granted yet
    /\ nextToken = 1
    /\ pc = [c \in Clients |-> "idle"]
    /\ token = [c \in Clients |-> 0]
    /\ leaseEnd = [c \in Clients |-> 0]
    /\ paused = {}
    /\ maxToken = 0
    /\ log = <<>>

Running(c) == c \notin paused

(***************************************************************************)
(* The lock service grants a lease only when the previous one has run     *)
(* out.  Request and grant are one step: the interesting delay is the one *)
(* after the grant, not the network round trip.                           *)
(***************************************************************************)
Acquire(c) ==
    /\ Running(c)
    /\ pc[c] = "idle"
    /\ now >= expiry
    /\ expiry' = now + LeaseTicks
    /\ nextToken' = nextToken + 1
    /\ token' = [token EXCEPT ![c] = nextToken]
    /\ leaseEnd' = [leaseEnd EXCEPT ![c] = now + LeaseTicks]
    /\ pc' = [pc EXCEPT ![c] = "holding"]
    /\ UNCHANGED <<now, paused, maxToken, log>>

(***************************************************************************)
(* The client checks its lease against the clock and, if it is still      *)
(* valid, commits to writing.  This is the check of check-then-act: from  *)
(* here on the write goes ahead, however long the client is stopped.      *)
(***************************************************************************)
BeginWrite(c) ==
    /\ Running(c)
    /\ pc[c] = "holding"
    /\ now < leaseEnd[c]
    /\ pc' = [pc EXCEPT ![c] = "writing"]
    /\ UNCHANGED <<now, expiry, nextToken, token, leaseEnd, paused, maxToken, log>>

(***************************************************************************)
(* The write reaches storage.  Storage accepts it unless fencing is on    *)
(* and a write with a larger token has already been accepted.  Either     *)
(* way the client is done with this lease (one write per lease keeps the  *)
(* log finite).                                                           *)
(***************************************************************************)
StorageAccepts(t) == ~UseTokens \/ t >= maxToken

Write(c) ==
    /\ Running(c)
    /\ pc[c] = "writing"
    /\ IF StorageAccepts(token[c])
          THEN /\ log' = Append(log, [client |-> c, token |-> token[c]])
               /\ maxToken' = IF token[c] > maxToken THEN token[c] ELSE maxToken
          ELSE UNCHANGED <<log, maxToken>>
    /\ pc' = [pc EXCEPT ![c] = "idle"]
    /\ UNCHANGED <<now, expiry, nextToken, token, leaseEnd, paused>>

(* A running client whose lease has run out notices and gives up.          *)
LeaseLapses(c) ==
    /\ Running(c)
    /\ pc[c] = "holding"
    /\ now >= leaseEnd[c]
    /\ pc' = [pc EXCEPT ![c] = "idle"]
    /\ UNCHANGED <<now, expiry, nextToken, token, leaseEnd, paused, maxToken, log>>

Pause(c) ==
    /\ AllowPause
    /\ Running(c)
    /\ paused' = paused \cup {c}
    /\ UNCHANGED <<now, expiry, nextToken, pc, token, leaseEnd, maxToken, log>>

Resume(c) ==
    /\ c \in paused
    /\ paused' = paused \ {c}
    /\ UNCHANGED <<now, expiry, nextToken, pc, token, leaseEnd, maxToken, log>>

(***************************************************************************)
(* The assumption a lease silently relies on: a process that is running   *)
(* reacts in time.  The clock cannot move on while a running client has a *)
(* write in flight, or holds a lease that is about to run out without      *)
(* having started to write or given up.  A paused client is exempt -- and *)
(* that is the whole problem.                                             *)
(***************************************************************************)
RunningClientsKeepUp ==
    \A c \in Clients :
        Running(c) => /\ pc[c] # "writing"
                      /\ pc[c] = "holding" => now + 1 < leaseEnd[c]

Tick ==
    /\ now < MaxTime
    /\ RunningClientsKeepUp
    /\ now' = now + 1
    /\ UNCHANGED <<expiry, nextToken, pc, token, leaseEnd, paused, maxToken, log>>

Next ==
    \/ Tick
    \/ \E c \in Clients :
          \/ Acquire(c) \/ BeginWrite(c) \/ Write(c) \/ LeaseLapses(c)
          \/ Pause(c) \/ Resume(c)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(***************************************************************************)
(* NoStaleWrite: storage accepts writes in lease order.  Once a write      *)
(* made under a newer lease has landed, no write made under an older lease *)
(* lands after it.  The token is the lease's sequence number, so this is   *)
(* "the log is sorted by token".                                           *)
(***************************************************************************)
NoStaleWrite ==
    \A i, j \in 1..Len(log) : i < j => log[i].token <= log[j].token

(***************************************************************************)
(* AtMostOneBelievesItHoldsLock: no two clients think at the same time     *)
(* that they hold the lock.  Tokens protect the storage, not the clients' *)
(* beliefs, so this fails with and without fencing once pauses exist.     *)
(***************************************************************************)
AtMostOneBelievesItHoldsLock ==
    Cardinality({c \in Clients : pc[c] \in {"holding", "writing"}}) <= 1

=============================================================================
