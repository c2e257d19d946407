------------------------------ MODULE Elevator ------------------------------
(* An elevator moves one floor at a time, and only with its doors closed. *)
EXTENDS Naturals
CONSTANT Top
VARIABLES floor, open

Init == floor = 0 /\ open = FALSE

Move(f) == /\ ~open
           /\ f \in 0..Top
           /\ f = floor + 1 \/ f + 1 = floor
           /\ floor' = f
           /\ UNCHANGED open

Open == ~open /\ open' = TRUE /\ UNCHANGED floor

Close == open /\ open' = FALSE /\ UNCHANGED floor
==============================================================================
