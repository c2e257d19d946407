----------------------------- MODULE OneVariable -----------------------------
(* With a single variable TLC prints a state as "x = v", without the "/\ ". *)
EXTENDS Naturals, Sequences

VARIABLE x

Init == x = [count |-> 0, log |-> <<>>]

Next == x' = [count |-> x.count + 1, log |-> Append(x.log, x.count)]

Small == x.count < 2
==============================================================================
