----------------------------- MODULE LockService -----------------------------
(* A lock server: clients ask for the lock, the server grants it to one     *)
(* waiting client at a time, and the holder releases it.                    *)
EXTENDS Naturals

CONSTANTS Client, Nobody

VARIABLES holder,   \* the client holding the lock, or Nobody
          waiting,  \* the clients that asked and have not been granted yet
          grants    \* how often each client was granted the lock

vars == <<holder, waiting, grants>>

Init == /\ holder = Nobody
        /\ waiting = {}
        /\ grants = [c \in Client |-> 0]

Request(c) == /\ c # holder
              /\ c \notin waiting
              /\ waiting' = waiting \cup {c}
              /\ UNCHANGED <<holder, grants>>

\* The lock is granted only when free, to a client that asked.
Grant(c) == /\ holder = Nobody
            /\ c \in waiting
            /\ holder' = c
            /\ waiting' = waiting \ {c}
            /\ grants' = [grants EXCEPT ![c] = @ + 1]

Release(c) == /\ holder = c
              /\ holder' = Nobody
              /\ UNCHANGED <<waiting, grants>>

Next == \E c \in Client : Request(c) \/ Grant(c) \/ Release(c)

Spec == Init /\ [][Next]_vars
==============================================================================
