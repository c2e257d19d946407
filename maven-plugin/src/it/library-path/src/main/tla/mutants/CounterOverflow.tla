---- MODULE CounterOverflow ----
(* The counter with its wrap-around forgotten. Counter.tla is one directory up: TLC finds it only when
   that directory is on the model's library path. *)
EXTENDS Counter

OverflowNext == x' = x + 1

\* Bounds the search once the violation has been found.
Small == x < 6
====
