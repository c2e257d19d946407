------------------------------ MODULE Timeouts ------------------------------
(***************************************************************************)
(* A monitor (think of a coordination service) watches nodes through      *)
(* heartbeats and keeps one of them as leader.  A node it has not heard   *)
(* from for Timeout ticks is suspected; a suspected leader is replaced by *)
(* a node that is not suspected, with the next epoch number.              *)
(*                                                                         *)
(* The leader holds a lease: each heartbeat the monitor answers extends   *)
(* it by Lease ticks, and the leader only acts while its lease runs.      *)
(* Lease <= Timeout, so by the time the monitor gives up on a leader,     *)
(* that leader's lease has run out by the clock.  The design is correct   *)
(* as long as a node that is up also keeps up with the clock.             *)
(*                                                                         *)
(* Nodes can crash (for good) or pause (and later continue as if nothing  *)
(* happened).  From the monitor's side both look the same: silence.  A    *)
(* timeout cannot tell them apart, so it is a guess.                      *)
(*                                                                         *)
(* With Fencing a new leader first writes its epoch to the storage the    *)
(* leaders act on, and storage refuses leaders with an older epoch.       *)
(* Heartbeats and the monitor's answers take no time here: a slow         *)
(* message would look to the monitor exactly like a pause.                *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Nodes,       \* the nodes
    Timeout,     \* ticks of silence after which the monitor suspects a node
    Lease,       \* ticks a heartbeat extends the leader's lease by
    MaxTime,     \* the clock stops here; this bounds the model
    Fencing,     \* TRUE: storage checks epochs
    AllowPause   \* TRUE: a node may be stopped and continue later

ASSUME /\ Lease \in Nat \ {0, 1}       \* a leader renews before its lease ends
       /\ Timeout \in Nat /\ Lease <= Timeout
       /\ MaxTime \in Nat
       /\ Fencing \in BOOLEAN /\ AllowPause \in BOOLEAN

VARIABLES
    now,           \* real time
    status,        \* node: "running", "paused" or "crashed"
    role,          \* node: "follower", "elect" (told it is the new leader,
                   \*   not yet in office) or "leader" (acting as leader)
    nodeEpoch,     \* node: epoch of its latest appointment
    leaseEnd,      \* node: when its lease runs out
    lastHeard,     \* monitor: time of each node's latest heartbeat
    suspected,     \* monitor: nodes it believes have failed
    leader,        \* monitor: the node it has appointed
    epoch,         \* monitor: epoch of that appointment
    storageEpoch   \* storage: highest epoch a leader has fenced it with

vars == <<now, status, role, nodeEpoch, leaseEnd, lastHeard, suspected,
          leader, epoch, storageEpoch>>

FirstLeader == CHOOSE n \in Nodes : TRUE

TypeOK ==
    /\ now \in 0..MaxTime
    /\ status \in [Nodes -> {"running", "paused", "crashed"}]
    /\ role \in [Nodes -> {"follower", "elect", "leader"}]
    /\ nodeEpoch \in [Nodes -> Nat]
    /\ leaseEnd \in [Nodes -> Nat]
    /\ lastHeard \in [Nodes -> Nat]
    /\ suspected \subseteq Nodes
    /\ leader \in Nodes
    /\ epoch \in Nat \ {0}
    /\ storageEpoch \in Nat

Init ==
    /\ now = 0
    /\ status = [n \in Nodes |-> "running"]
    /\ role = [n \in Nodes |-> IF n = FirstLeader THEN "leader" ELSE "follower"]
    /\ nodeEpoch = [n \in Nodes |-> IF n = FirstLeader THEN 1 ELSE 0]
    /\ leaseEnd = [n \in Nodes |-> IF n = FirstLeader THEN Lease ELSE 0]
    /\ lastHeard = [n \in Nodes |-> 0]
    /\ suspected = {}
    /\ leader = FirstLeader
    /\ epoch = 1
    /\ storageEpoch = 1

Running(n) == status[n] = "running"

(***************************************************************************)
(* A node's heartbeat reaches the monitor, which stops suspecting it.  The *)
(* answer extends the lease of the node the monitor still regards as      *)
(* leader, and tells a node that has been replaced to step down.          *)
(***************************************************************************)
Heartbeat(n) ==
    /\ Running(n)
    /\ lastHeard' = [lastHeard EXCEPT ![n] = now]
    /\ suspected' = suspected \ {n}
    /\ IF role[n] = "leader"
          THEN IF leader = n
                 THEN /\ leaseEnd' = [leaseEnd EXCEPT ![n] = now + Lease]
                      /\ UNCHANGED role
                 ELSE /\ role' = [role EXCEPT ![n] = "follower"]
                      /\ UNCHANGED leaseEnd
          ELSE UNCHANGED <<role, leaseEnd>>
    /\ UNCHANGED <<now, status, nodeEpoch, leader, epoch, storageEpoch>>

(* Timeout ticks without a heartbeat: the monitor concludes n has failed.  *)
Suspect(n) ==
    /\ n \notin suspected
    /\ now >= lastHeard[n] + Timeout
    /\ suspected' = suspected \cup {n}
    /\ UNCHANGED <<now, status, role, nodeEpoch, leaseEnd, lastHeard, leader,
                   epoch, storageEpoch>>

(***************************************************************************)
(* The monitor replaces a suspected leader.  The appointment is delivered *)
(* to n's inbox (role "elect"); n takes office when it next runs.         *)
(***************************************************************************)
Appoint(n) ==
    /\ leader \in suspected
    /\ n \notin suspected
    /\ n # leader
    /\ leader' = n
    /\ epoch' = epoch + 1
    /\ role' = [role EXCEPT ![n] = "elect"]
    /\ nodeEpoch' = [nodeEpoch EXCEPT ![n] = epoch + 1]
    /\ UNCHANGED <<now, status, leaseEnd, lastHeard, suspected, storageEpoch>>

(***************************************************************************)
(* n takes office.  It checks in with the monitor (a heartbeat, which     *)
(* starts its lease), and with Fencing it first raises the storage's      *)
(* epoch to its own.  If it has been replaced meanwhile, or storage has   *)
(* already seen a newer epoch, it stays a follower.                       *)
(***************************************************************************)
TakeOffice(n) ==
    /\ Running(n)
    /\ role[n] = "elect"
    /\ lastHeard' = [lastHeard EXCEPT ![n] = now]
    /\ suspected' = suspected \ {n}
    /\ IF leader = n /\ (Fencing => nodeEpoch[n] > storageEpoch)
          THEN /\ role' = [role EXCEPT ![n] = "leader"]
               /\ leaseEnd' = [leaseEnd EXCEPT ![n] = now + Lease]
               /\ storageEpoch' = IF Fencing THEN nodeEpoch[n] ELSE storageEpoch
          ELSE /\ role' = [role EXCEPT ![n] = "follower"]
               /\ UNCHANGED <<leaseEnd, storageEpoch>>
    /\ UNCHANGED <<now, status, nodeEpoch, leader, epoch>>

(* A leader whose lease is about to run out stops acting.                  *)
StepDown(n) ==
    /\ Running(n)
    /\ role[n] = "leader"
    /\ now + 1 >= leaseEnd[n]
    /\ role' = [role EXCEPT ![n] = "follower"]
    /\ UNCHANGED <<now, status, nodeEpoch, leaseEnd, lastHeard, suspected,
                   leader, epoch, storageEpoch>>

Pause(n) ==
    /\ AllowPause
    /\ Running(n)
    /\ status' = [status EXCEPT ![n] = "paused"]
    /\ UNCHANGED <<now, role, nodeEpoch, leaseEnd, lastHeard, suspected,
                   leader, epoch, storageEpoch>>

Resume(n) ==
    /\ status[n] = "paused"
    /\ status' = [status EXCEPT ![n] = "running"]
    /\ UNCHANGED <<now, role, nodeEpoch, leaseEnd, lastHeard, suspected,
                   leader, epoch, storageEpoch>>

Crash(n) ==
    /\ status[n] # "crashed"
    /\ status' = [status EXCEPT ![n] = "crashed"]
    /\ UNCHANGED <<now, role, nodeEpoch, leaseEnd, lastHeard, suspected,
                   leader, epoch, storageEpoch>>

(***************************************************************************)
(* What the timeouts assume: a running node keeps up with the clock.  The *)
(* clock does not move on while a running node is about to go silent for  *)
(* Timeout ticks, or while a running leader is about to act on an expired *)
(* lease.  Paused and crashed nodes are exempt -- they cannot do anything. *)
(***************************************************************************)
RunningNodesKeepUp ==
    \A n \in Nodes :
        Running(n) => /\ now + 1 < lastHeard[n] + Timeout
                      /\ role[n] = "leader" => now + 1 < leaseEnd[n]

Tick ==
    /\ now < MaxTime
    /\ RunningNodesKeepUp
    /\ now' = now + 1
    /\ UNCHANGED <<status, role, nodeEpoch, leaseEnd, lastHeard, suspected,
                   leader, epoch, storageEpoch>>

Next ==
    \/ Tick
    \/ \E n \in Nodes :
          \/ Heartbeat(n) \/ Suspect(n) \/ Appoint(n) \/ TakeOffice(n)
          \/ StepDown(n) \/ Pause(n) \/ Resume(n) \/ Crash(n)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(***************************************************************************)
(* NoFalseSuspicion: the monitor only suspects nodes that have crashed.   *)
(***************************************************************************)
NoFalseSuspicion == \A n \in suspected : status[n] = "crashed"

(***************************************************************************)
(* A node acts as leader when it is in office, has not crashed (a paused  *)
(* leader is in the middle of acting and carries on when it resumes), and *)
(* storage accepts its writes.  Without fencing storage accepts anyone.   *)
(***************************************************************************)
StorageAccepts(n) == ~Fencing \/ nodeEpoch[n] >= storageEpoch

ActingLeaders ==
    {n \in Nodes : role[n] = "leader" /\ status[n] # "crashed" /\ StorageAccepts(n)}

AtMostOneActingLeader == Cardinality(ActingLeaders) <= 1

(***************************************************************************)
(* AtMostOneBelievesItLeads: no two live nodes think they are in office.  *)
(* Fencing does not give this; it only makes the stale belief harmless.   *)
(***************************************************************************)
AtMostOneBelievesItLeads ==
    Cardinality({n \in Nodes : role[n] = "leader" /\ status[n] # "crashed"}) <= 1

=============================================================================
