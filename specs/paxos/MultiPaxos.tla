----------------------------- MODULE MultiPaxos ----------------------------
(***************************************************************************)
(* Multi-Paxos: a replicated log, i.e. one Paxos instance per log slot,    *)
(* with phase 1 shared by all slots.                                       *)
(*                                                                         *)
(* A leader that owns ballot b runs phase 1 once: each acceptor that joins *)
(* b reports, in a single 1b message, what it last accepted in every slot. *)
(* From then on the leader is stable: it proposes a value for any slot     *)
(* with one 2a message, without another phase 1.  In each slot it must     *)
(* propose the value reported there with the highest ballot, and is free   *)
(* only in slots where no acceptor of its quorum reports a vote.  An       *)
(* acceptor's promise (maxBal) covers all slots at once.                   *)
(*                                                                         *)
(* Each slot on its own implements Consensus: see SlotSpec.                *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Value, Acceptor, Quorum, Ballot,
          Slot      \* the log positions

ASSUME /\ \A Q \in Quorum : Q \subseteq Acceptor
       /\ \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}
       /\ Ballot \subseteq Nat /\ 0 \in Ballot

None == CHOOSE v : v \notin Value

(* What an acceptor reports for one slot in its 1b message. *)
Report == [bal : Ballot \cup {-1}, val : Value \cup {None}]

Message ==
         [type : {"1a"}, bal : Ballot]
    \cup [type : {"1b"}, acc : Acceptor, bal : Ballot, votes : [Slot -> Report]]
    \cup [type : {"2a"}, bal : Ballot, slot : Slot, val : Value]
    \cup [type : {"2b"}, acc : Acceptor, bal : Ballot, slot : Slot, val : Value]

VARIABLES maxBal,   \* maxBal[a]: the highest ballot a has joined, for all slots
          maxVBal,  \* maxVBal[a][s]: ballot of the last value a accepted in s
          maxVal,   \* maxVal[a][s]: the last value a accepted in s
          msgs

vars == <<maxBal, maxVBal, maxVal, msgs>>

TypeOK == /\ maxBal \in [Acceptor -> Ballot \cup {-1}]
          /\ maxVBal \in [Acceptor -> [Slot -> Ballot \cup {-1}]]
          /\ maxVal \in [Acceptor -> [Slot -> Value \cup {None}]]
          /\ msgs \subseteq Message

Send(m) == msgs' = msgs \cup {m}

Init == /\ maxBal = [a \in Acceptor |-> -1]
        /\ maxVBal = [a \in Acceptor |-> [s \in Slot |-> -1]]
        /\ maxVal = [a \in Acceptor |-> [s \in Slot |-> None]]
        /\ msgs = {}

(* The leader of ballot b starts phase 1, once for the whole log. *)
Phase1a(b) == /\ Send([type |-> "1a", bal |-> b])
              /\ UNCHANGED <<maxBal, maxVBal, maxVal>>

(* Acceptor a joins ballot b and reports its last vote in every slot. *)
Phase1b(a) ==
    \E m \in msgs :
        /\ m.type = "1a"
        /\ m.bal > maxBal[a]
        /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
        /\ Send([type |-> "1b", acc |-> a, bal |-> m.bal,
                 votes |-> [s \in Slot |-> [bal |-> maxVBal[a][s], val |-> maxVal[a][s]]]])
        /\ UNCHANGED <<maxVBal, maxVal>>

(* With the 1b messages R of a quorum, v may be proposed in slot s. *)
SafeInSlot(s, v, R) ==
    LET voted == {m \in R : m.votes[s].bal >= 0}
    IN  \/ voted = {}
        \/ \E m \in voted : /\ m.votes[s].val = v
                            /\ \A m2 \in voted : m2.votes[s].bal <= m.votes[s].bal

(* The stable leader of ballot b proposes v for slot s: no new phase 1. *)
Phase2a(b, s, v) ==
    /\ ~ \E m \in msgs : m.type = "2a" /\ m.bal = b /\ m.slot = s
    /\ \E Q \in Quorum :
         LET R == {m \in msgs : m.type = "1b" /\ m.bal = b /\ m.acc \in Q}
         IN  /\ \A a \in Q : \E m \in R : m.acc = a
             /\ SafeInSlot(s, v, R)
    /\ Send([type |-> "2a", bal |-> b, slot |-> s, val |-> v])
    /\ UNCHANGED <<maxBal, maxVBal, maxVal>>

Phase2b(a) ==
    \E m \in msgs :
        /\ m.type = "2a"
        /\ m.bal >= maxBal[a]
        /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
        /\ maxVBal' = [maxVBal EXCEPT ![a][m.slot] = m.bal]
        /\ maxVal' = [maxVal EXCEPT ![a][m.slot] = m.val]
        /\ Send([type |-> "2b", acc |-> a, bal |-> m.bal, slot |-> m.slot, val |-> m.val])

Next == \/ \E b \in Ballot : \/ Phase1a(b)
                             \/ \E s \in Slot, v \in Value : Phase2a(b, s, v)
        \/ \E a \in Acceptor : Phase1b(a) \/ Phase2b(a)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Properties.                                                             *)
(***************************************************************************)
(* The values chosen in slot s. *)
ChosenIn(s) ==
    {v \in Value :
        \E b \in Ballot, Q \in Quorum :
            \A a \in Q : [type |-> "2b", acc |-> a, bal |-> b, slot |-> s, val |-> v] \in msgs}

(* No slot of the log holds two different chosen values. *)
LogAgreement == \A s \in Slot : Cardinality(ChosenIn(s)) <= 1

(* Slot s, seen alone, is the abstract consensus of Consensus.tla. *)
SlotConsensus(s) == INSTANCE Consensus WITH chosen <- ChosenIn(s)
=============================================================================
