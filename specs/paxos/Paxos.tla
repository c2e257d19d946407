------------------------------- MODULE Paxos -------------------------------
(***************************************************************************)
(* Single-decree Paxos: the voting algorithm of Voting.tla carried out by  *)
(* exchanging messages.                                                    *)
(*                                                                         *)
(* A leader of ballot b runs two phases:                                   *)
(*   1a/1b: it asks the acceptors to join ballot b; each acceptor that     *)
(*          joins promises to ignore lower ballots and reports the last    *)
(*          value it accepted and the ballot it accepted it in.            *)
(*   2a/2b: once a quorum has joined, it proposes the value reported with  *)
(*          the highest ballot (any value if none was reported); each      *)
(*          acceptor still in ballot b accepts it.                         *)
(* Messages are never removed, so loss, duplication and reordering are     *)
(* all covered: a message may be received any number of times, or never.  *)
(*                                                                         *)
(* The two rules an implementation most often gets wrong are factored out  *)
(* as the operators AcceptsBallot and ProposalRespectsReports, so that the *)
(* mutant models can replace them (see MCPaxosMutant*.tla).                *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Value, Acceptor, Quorum, Ballot

None == CHOOSE v : v \notin Value   \* "no value accepted yet"

Message ==
         [type : {"1a"}, bal : Ballot]
    \cup [type : {"1b"}, acc : Acceptor, bal : Ballot,
          mbal : Ballot \cup {-1}, mval : Value \cup {None}]
    \cup [type : {"2a"}, bal : Ballot, val : Value]
    \cup [type : {"2b"}, acc : Acceptor, bal : Ballot, val : Value]

VARIABLES maxBal,   \* the highest ballot acceptor a has joined
          maxVBal,  \* the ballot of the last value a accepted (-1: none)
          maxVal,   \* the last value a accepted (None: none)
          msgs      \* every message ever sent

vars == <<maxBal, maxVBal, maxVal, msgs>>

TypeOK == /\ maxBal \in [Acceptor -> Ballot \cup {-1}]
          /\ maxVBal \in [Acceptor -> Ballot \cup {-1}]
          /\ maxVal \in [Acceptor -> Value \cup {None}]
          /\ msgs \subseteq Message

Send(m) == msgs' = msgs \cup {m}

Init == /\ maxBal = [a \in Acceptor |-> -1]
        /\ maxVBal = [a \in Acceptor |-> -1]
        /\ maxVal = [a \in Acceptor |-> None]
        /\ msgs = {}

(***************************************************************************)
(* Phase 1.                                                                *)
(***************************************************************************)
Phase1a(b) == /\ Send([type |-> "1a", bal |-> b])
              /\ UNCHANGED <<maxBal, maxVBal, maxVal>>

(* Acceptor a joins a ballot higher than any it has joined and reports its *)
(* last accepted value.                                                    *)
Phase1b(a) ==
    \E m \in msgs :
        /\ m.type = "1a"
        /\ m.bal > maxBal[a]
        /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
        /\ Send([type |-> "1b", acc |-> a, bal |-> m.bal,
                 mbal |-> maxVBal[a], mval |-> maxVal[a]])
        /\ UNCHANGED <<maxVBal, maxVal>>

(***************************************************************************)
(* Phase 2.                                                                *)
(***************************************************************************)

(* The proposal v of ballot b must be the value the reports R (1b messages *)
(* of ballot b from a quorum) show accepted in the highest ballot; it is   *)
(* free only when no acceptor in R reports an accepted value.              *)
ProposalRespectsReports(b, v, R) ==
    LET voted == {m \in R : m.mbal >= 0}
    IN  \/ voted = {}
        \/ \E m \in voted : /\ m.mval = v
                            /\ \A m2 \in voted : m2.mbal <= m.mbal

(* The leader of ballot b proposes v, once, after a quorum joined b. *)
Phase2a(b, v) ==
    /\ ~ \E m \in msgs : m.type = "2a" /\ m.bal = b
    /\ \E Q \in Quorum :
         LET R == {m \in msgs : m.type = "1b" /\ m.bal = b /\ m.acc \in Q}
         IN  /\ \A a \in Q : \E m \in R : m.acc = a
             /\ ProposalRespectsReports(b, v, R)
    /\ Send([type |-> "2a", bal |-> b, val |-> v])
    /\ UNCHANGED <<maxBal, maxVBal, maxVal>>

(* An acceptor may accept a proposal only in a ballot it has not promised  *)
(* to ignore, i.e. one at least as high as every ballot it has joined.     *)
AcceptsBallot(a, b) == b >= maxBal[a]

Phase2b(a) ==
    \E m \in msgs :
        /\ m.type = "2a"
        /\ AcceptsBallot(a, m.bal)
        /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
        /\ maxVBal' = [maxVBal EXCEPT ![a] = m.bal]
        /\ maxVal' = [maxVal EXCEPT ![a] = m.val]
        /\ Send([type |-> "2b", acc |-> a, bal |-> m.bal, val |-> m.val])

Next == \/ \E b \in Ballot : \/ Phase1a(b)
                             \/ \E v \in Value : Phase2a(b, v)
        \/ \E a \in Acceptor : Phase1b(a) \/ Phase2b(a)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Refinement: an acceptor's votes are the 2b messages it sent.            *)
(***************************************************************************)
votes == [a \in Acceptor |->
            {<<m.bal, m.val>> : m \in {mm \in msgs : mm.type = "2b" /\ mm.acc = a}}]

V == INSTANCE Voting

(* TLC checks only the assumptions of the modules a model extends, not of *)
(* instantiated ones, so the quorum assumption is restated here.          *)
ASSUME V!QuorumAssumption

(* The values chosen: accepted by every acceptor of a quorum in one ballot. *)
(* This is V!chosen written directly over the 2b messages, so that TLC    *)
(* does not rebuild votes for every acceptor, ballot and value it tries.   *)
chosen == {v \in Value :
             \E b \in Ballot, Q \in Quorum :
                \A a \in Q : [type |-> "2b", acc |-> a, bal |-> b, val |-> v] \in msgs}

(* The safety property of consensus: at most one value is ever chosen. *)
Agreement == Cardinality(chosen) <= 1
=============================================================================
