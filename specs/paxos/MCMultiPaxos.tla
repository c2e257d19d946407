---------------------------- MODULE MCMultiPaxos ---------------------------
(* 3 acceptors, 2 values, 2 slots, ballots 0..1.  Each slot is checked to *)
(* refine Consensus through its own refinement mapping.                   *)
(* Acceptors and values are model values (see the cfg).  They are         *)
(* interchangeable and every checked property treats them alike, so the   *)
(* model is reduced by symmetry; all checks here are safety checks, for   *)
(* which TLC's symmetry reduction is sound.                               *)
EXTENDS MultiPaxos, TLC
MCQuorum == {Q \in SUBSET Acceptor : Cardinality(Q) * 2 > Cardinality(Acceptor)}
MCBallot == 0..1
MCSlot == {1, 2}
MCSymmetry == Permutations(Acceptor) \cup Permutations(Value)

(* One instance per slot: TLC does not accept the parameterized instance *)
(* SlotConsensus(s)!Spec as a property, so each slot is named here.       *)
Slot1 == INSTANCE Consensus WITH chosen <- ChosenIn(1)
Slot2 == INSTANCE Consensus WITH chosen <- ChosenIn(2)

Slot1Refinement == Slot1!Spec
Slot2Refinement == Slot2!Spec
=============================================================================
