---- MODULE Warn ----
(* A model that holds but makes TLC and SANY warn: Limit is defined in both extended modules (a SANY
   warning); symmetry and a state constraint with a liveness property (TLC 2279 and 2284: the check may
   miss violations); an EXCEPT on a field the record does not have (TLC 2144). *)
EXTENDS Naturals, TLC, WarnLeft, WarnRight
CONSTANT P
VARIABLES x, r
Init == x = 0 /\ r = [a |-> 1]
Next == x' = (x + 1) % (Limit + 1) /\ r' = [r EXCEPT !.b = 2]
Spec == Init /\ [][Next]_<<x, r>> /\ WF_<<x, r>>(Next)
ReachesLimit == <>(x = Limit)
Symmetric == Permutations(P)
Bounded == x <= Limit
====
