------------------------------ MODULE Voting -------------------------------
(***************************************************************************)
(* The voting algorithm that underlies Paxos, with no messages.            *)
(*                                                                         *)
(* Acceptors vote for values in numbered ballots.  A value is chosen when  *)
(* every acceptor of some quorum has voted for it in the same ballot.  Two *)
(* rules keep that safe:                                                   *)
(*   - in any one ballot, all votes are for the same value, and            *)
(*   - an acceptor votes for v in ballot b only if no value other than v   *)
(*     has been or can still be chosen in a ballot below b.                *)
(* An acceptor promises not to vote below maxBal[a]; that promise is what  *)
(* lets a value become "no longer choosable" in a lower ballot.            *)
(*                                                                         *)
(* Here the acceptors read each other's state directly.  Paxos (Paxos.tla) *)
(* implements the same steps with messages and refines this module.        *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Value,     \* the values that may be chosen
          Acceptor,  \* the acceptors
          Quorum,    \* the sets of acceptors whose agreement chooses a value
          Ballot     \* the ballot numbers, a finite set of naturals in a model

(* Any two quorums share an acceptor: that shared acceptor is why a value  *)
(* chosen in one ballot is seen by every later ballot.                     *)
QuorumsIntersect == \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}

QuorumAssumption == /\ \A Q \in Quorum : Q \subseteq Acceptor
                    /\ QuorumsIntersect

ASSUME /\ QuorumAssumption
       /\ Ballot \subseteq Nat
       /\ 0 \in Ballot

VARIABLES votes,   \* votes[a] is the set of <<ballot, value>> pairs a voted for
          maxBal   \* acceptor a will not vote in any ballot below maxBal[a]

vars == <<votes, maxBal>>

TypeOK == /\ votes \in [Acceptor -> SUBSET (Ballot \X Value)]
          /\ maxBal \in [Acceptor -> Ballot \cup {-1}]

VotedFor(a, b, v) == <<b, v>> \in votes[a]

ChosenAt(b, v) == \E Q \in Quorum : \A a \in Q : VotedFor(a, b, v)

chosen == {v \in Value : \E b \in Ballot : ChosenAt(b, v)}

DidNotVoteAt(a, b) == \A v \in Value : ~VotedFor(a, b, v)

(* a has moved past b without voting in it, so it never will. *)
CannotVoteAt(a, b) == /\ maxBal[a] > b
                      /\ DidNotVoteAt(a, b)

(* In ballot b, no value other than v has been or can ever be chosen:     *)
(* some quorum consists of acceptors that voted for v or never will vote. *)
NoneOtherChoosableAt(b, v) ==
    \E Q \in Quorum : \A a \in Q : VotedFor(a, b, v) \/ CannotVoteAt(a, b)

(* v is safe at b when no other value can be chosen in any lower ballot. *)
SafeAt(b, v) == \A c \in Ballot : c < b => NoneOtherChoosableAt(c, v)

(***************************************************************************)
(* Invariants.                                                             *)
(***************************************************************************)
OneValuePerBallot ==
    \A a1, a2 \in Acceptor, b \in Ballot, v1, v2 \in Value :
        VotedFor(a1, b, v1) /\ VotedFor(a2, b, v2) => v1 = v2

VotesSafe == \A a \in Acceptor, b \in Ballot, v \in Value :
                 VotedFor(a, b, v) => SafeAt(b, v)

Inv == TypeOK /\ VotesSafe /\ OneValuePerBallot

(***************************************************************************)
(* Actions: one per step an acceptor can take.                             *)
(***************************************************************************)
Init == /\ votes = [a \in Acceptor |-> {}]
        /\ maxBal = [a \in Acceptor |-> -1]

(* Acceptor a promises not to vote in any ballot below b. *)
IncreaseMaxBal(a, b) ==
    /\ b > maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ UNCHANGED votes

(* Acceptor a votes for v in ballot b.  It may do so only if it has not    *)
(* promised a higher ballot, has not voted in b, every other vote in b is  *)
(* for v, and v is safe at b.                                              *)
VoteFor(a, b, v) ==
    /\ maxBal[a] <= b
    /\ DidNotVoteAt(a, b)
    /\ \A c \in Acceptor \ {a} : \A w \in Value : VotedFor(c, b, w) => w = v
    /\ SafeAt(b, v)
    /\ votes' = [votes EXCEPT ![a] = @ \cup {<<b, v>>}]
    /\ maxBal' = [maxBal EXCEPT ![a] = b]

Next == \E a \in Acceptor, b \in Ballot :
            \/ IncreaseMaxBal(a, b)
            \/ \E v \in Value : VoteFor(a, b, v)

Spec == Init /\ [][Next]_vars

(* Voting implements Consensus with chosen defined above. *)
C == INSTANCE Consensus
=============================================================================
