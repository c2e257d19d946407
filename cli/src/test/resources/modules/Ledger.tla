------------------------------- MODULE Ledger -------------------------------
(***************************************************************************)
(* A ledger of deposits kept as a sequence, its total and its largest      *)
(* entry: a small model that uses the shipped modules the way public specs *)
(* do, with a proof that only TLAPS would check.                           *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLAPS, SequencesExt, FiniteSetsExt

CONSTANTS Amounts, MaxLen

VARIABLE ledger

Init == ledger = <<>>

\* A deposit goes to the front of the ledger.
Deposit(a) == Len(ledger) < MaxLen /\ ledger' = Cons(a, ledger)

\* The oldest entry is dropped.
Drop == ledger # <<>> /\ ledger' = Front(ledger)

Next == (\E a \in Amounts : Deposit(a)) \/ Drop

Total == FoldLeft(LAMBDA t, a : t + a, 0, ledger)

\* The total is the sum over the positions, whatever the order of folding.
TotalAgrees == Total = FoldRight(LAMBDA a, t : a + t, ledger, 0)
               /\ Total = MapThenSumSet(LAMBDA i : ledger[i], DOMAIN ledger)

\* The largest entry is an entry, and no entry exceeds it.
LargestIsAnEntry == ledger # <<>> => /\ Contains(ledger, Max(ToSet(ledger)))
                                     /\ \A i \in 1..Len(ledger) : ledger[i] <= Max(ToSet(ledger))

\* Dropping keeps a prefix.
DropKeepsPrefix == [][Drop => IsPrefix(ledger', ledger)]_ledger

TypeOK == ledger \in Seq(Amounts) /\ Len(ledger) <= MaxLen

THEOREM TypeCorrect == Init /\ [][Next]_ledger => []TypeOK
  BY PTL, SMT, Zenon, IsaM("auto") DEF Init, Next, TypeOK
=============================================================================
