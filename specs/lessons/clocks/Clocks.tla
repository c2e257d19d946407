------------------------------ MODULE Clocks ------------------------------
(***************************************************************************)
(* Replicas of one register.  Any replica accepts a write, applies it and *)
(* sends it to the others, which may receive the copies in any order.     *)
(* When two writes meet, the replica has to decide which one the register *)
(* holds.  Mode selects how it decides:                                   *)
(*                                                                         *)
(*   "wall"     last write wins, by the writer's physical clock.  Each    *)
(*              replica's clock ticks on its own, so clocks drift apart.  *)
(*   "lamport"  last write wins, by Lamport timestamp: a replica's        *)
(*              counter moves past every timestamp it receives.           *)
(*   "vv"       version vectors.  A write replaces the writes it has seen *)
(*              (whose vectors are below its own); writes that have not   *)
(*              seen each other are both kept, as siblings.               *)
(*                                                                         *)
(* Ties between equal timestamps go to the higher replica number, which   *)
(* is why replicas are numbers.                                           *)
(*                                                                         *)
(* What "seen" means is tracked by the model itself, independently of any *)
(* clock: `past` holds, per replica, every write in its causal past, and  *)
(* each write records the causal past of its writer in `deps`.  The       *)
(* invariants compare the replicas' choices with that ground truth.       *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    N,          \* number of replicas
    MaxWrites,  \* writes per replica
    MaxWall,    \* physical clocks tick on their own up to this reading
    Mode        \* "wall", "lamport" or "vv"

ASSUME /\ N \in Nat \ {0}
       /\ MaxWrites \in Nat
       /\ MaxWall \in Nat
       /\ Mode \in {"wall", "lamport", "vv"}

Nodes == 1..N

VARIABLES
    wall,      \* replica: its physical clock (only moves in mode "wall")
    lamport,   \* replica: its Lamport counter (mode "lamport")
    vv,        \* replica: its version vector (mode "vv")
    count,     \* replica: how many writes it has made
    store,     \* replica: the writes the register currently holds
    msgs,      \* copies of writes on their way to other replicas
    past,      \* ground truth: ids of the writes in each replica's causal past
    issued     \* ground truth: every write made so far

vars == <<wall, lamport, vv, count, store, msgs, past, issued>>

Zero == [i \in Nodes |-> 0]

(* vector a is below-or-equal vector b                                     *)
Leq(a, b) == \A i \in Nodes : a[i] <= b[i]

Max(a, b) == IF a >= b THEN a ELSE b

(***************************************************************************)
(* A write: its id <<replica, k>>; `clock`, the timestamp last-write-wins *)
(* compares (a wall clock reading or a Lamport time, 0 in mode "vv");     *)
(* `vec`, its version vector (all zero except in mode "vv"); and `deps`,  *)
(* the ids of the writes that happened before it (ground truth).          *)
(***************************************************************************)
Id == Nodes \X (1..MaxWrites)
Write == [id : Id, clock : Nat, vec : [Nodes -> Nat], deps : SUBSET Id]

TypeOK ==
    /\ wall \in [Nodes -> Nat]
    /\ lamport \in [Nodes -> Nat]
    /\ vv \in [Nodes -> [Nodes -> Nat]]
    /\ count \in [Nodes -> 0..MaxWrites]
    /\ store \in [Nodes -> SUBSET Write]
    /\ msgs \subseteq [to : Nodes, w : Write]
    /\ past \in [Nodes -> SUBSET Id]
    /\ issued \subseteq Write

Init ==
    /\ wall = [n \in Nodes |-> 0]
    /\ lamport = [n \in Nodes |-> 0]
    /\ vv = [n \in Nodes |-> Zero]
    /\ count = [n \in Nodes |-> 0]
    /\ store = [n \in Nodes |-> {}]
    /\ msgs = {}
    /\ past = [n \in Nodes |-> {}]
    /\ issued = {}

(* Last-write-wins order: larger timestamp, then larger replica number.    *)
Later(a, b) == \/ a.clock > b.clock
               \/ a.clock = b.clock /\ a.id[1] > b.id[1]

(***************************************************************************)
(* How a replica holding the writes S takes in write w.                    *)
(***************************************************************************)
Merge(S, w) ==
    IF Mode = "vv"
      THEN IF \E s \in S : Leq(w.vec, s.vec)
             THEN S                                      \* already superseded
             ELSE {s \in S : ~Leq(s.vec, w.vec)} \cup {w} \* replace what w has seen
      ELSE IF \A s \in S : Later(w, s) THEN {w} ELSE S

(***************************************************************************)
(* Replica n writes.  The write's causal past is everything n has made or *)
(* received.  The timestamp comes from the mode's clock; the physical     *)
(* clock moves on after being read, so one replica's writes never share  *)
(* a reading.  The write is applied locally by the same rule as a remote *)
(* one -- under last-write-wins a fresh write can lose at once.          *)
(***************************************************************************)
DoWrite(n) ==
    /\ count[n] < MaxWrites
    /\ LET w == [id    |-> <<n, count[n] + 1>>,
                 clock |-> CASE Mode = "wall"    -> wall[n]
                             [] Mode = "lamport" -> lamport[n] + 1
                             [] Mode = "vv"      -> 0,
                 vec   |-> IF Mode = "vv" THEN [vv[n] EXCEPT ![n] = @ + 1]
                                          ELSE Zero,
                 deps  |-> past[n]]
       IN /\ count' = [count EXCEPT ![n] = @ + 1]
          /\ wall' = IF Mode = "wall" THEN [wall EXCEPT ![n] = @ + 1] ELSE wall
          /\ lamport' = IF Mode = "lamport" THEN [lamport EXCEPT ![n] = w.clock]
                                            ELSE lamport
          /\ vv' = [vv EXCEPT ![n] = w.vec]
          /\ store' = [store EXCEPT ![n] = Merge(@, w)]
          /\ msgs' = msgs \cup {[to |-> m, w |-> w] : m \in Nodes \ {n}}
          /\ past' = [past EXCEPT ![n] = @ \cup {w.id}]
          /\ issued' = issued \cup {w}

(***************************************************************************)
(* Replica n receives a copy of a write addressed to it, in any order.   *)
(* Its Lamport counter moves up to the write's timestamp (so its next     *)
(* write gets a larger one); its version vector takes the pointwise       *)
(* maximum.  The physical clock learns nothing from a message.            *)
(***************************************************************************)
Receive(n) ==
  \E m \in msgs :
    /\ m.to = n
    /\ msgs' = msgs \ {m}
    /\ lamport' = IF Mode = "lamport"
                    THEN [lamport EXCEPT ![n] = Max(@, m.w.clock)]
                    ELSE lamport
    /\ vv' = IF Mode = "vv"
               THEN [vv EXCEPT ![n] = [i \in Nodes |-> Max(vv[n][i], m.w.vec[i])]]
               ELSE vv
    /\ store' = [store EXCEPT ![n] = Merge(@, m.w)]
    /\ past' = [past EXCEPT ![n] = @ \cup {m.w.id} \cup m.w.deps]
    /\ UNCHANGED <<wall, count, issued>>

(* Physical clocks run at their own rates: any one may run ahead.          *)
TickWall(n) ==
    /\ Mode = "wall"
    /\ wall[n] < MaxWall
    /\ wall' = [wall EXCEPT ![n] = @ + 1]
    /\ UNCHANGED <<lamport, vv, count, store, msgs, past, issued>>

Next ==
    \E n \in Nodes :
        \/ DoWrite(n)
        \/ Receive(n)
        \/ TickWall(n)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(***************************************************************************)
(* NoLostCausalUpdate: a replica never holds a write once it has seen a   *)
(* write that causally follows it.  A write made by someone who had       *)
(* already seen the old value is meant to replace it.                     *)
(***************************************************************************)
NoLostCausalUpdate ==
    \A n \in Nodes : \A s \in store[n] : \A w \in issued :
        w.id \in past[n] => s.id \notin w.deps

(***************************************************************************)
(* NoLostWrite: every write a replica knows of is either still held, or   *)
(* was replaced by a held write that had seen it.  Concurrent writes are  *)
(* therefore kept side by side; picking one of them silently drops the    *)
(* other.                                                                 *)
(***************************************************************************)
NoLostWrite ==
    \A n \in Nodes : \A id \in past[n] :
        \E s \in store[n] : s.id = id \/ id \in s.deps

(***************************************************************************)
(* ClockCondition: if a happened before b, a's timestamp is smaller.      *)
(* Lamport clocks guarantee it; drifting wall clocks do not.  (The        *)
(* converse does not hold: a smaller timestamp says nothing about order.) *)
(***************************************************************************)
ClockCondition ==
    \A a, b \in issued : a.id \in b.deps => b.clock > a.clock

(***************************************************************************)
(* VectorsMatchCausality: version vectors capture happened-before          *)
(* exactly -- a happened before b if and only if a's vector is below b's. *)
(***************************************************************************)
VectorsMatchCausality ==
    \A a, b \in issued : a # b => (a.id \in b.deps <=> Leq(a.vec, b.vec))

(***************************************************************************)
(* NoLostCausalUpdateWithoutTies: NoLostCausalUpdate, asked only of        *)
(* behaviours in which no two writes have got the same clock reading so   *)
(* far.  Writes are never taken back, so once a tie has happened it stays  *)
(* in `issued`.  For wall clocks this shows that the loss does not depend  *)
(* on how ties are broken: one clock plainly behind another is enough.     *)
(***************************************************************************)
DistinctReadings == \A a, b \in issued : a # b => a.clock # b.clock

NoLostCausalUpdateWithoutTies == DistinctReadings => NoLostCausalUpdate

(***************************************************************************)
(* SingleValue: a replica holds one value.  True for last-write-wins; with *)
(* version vectors it fails as soon as two writes are concurrent -- the    *)
(* siblings are what a reader then has to reconcile.                       *)
(***************************************************************************)
SingleValue == \A n \in Nodes : Cardinality(store[n]) <= 1

=============================================================================
