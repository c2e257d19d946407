---- MODULE Stale ----
(* A counter in PlusCal whose algorithm was edited after its last translation: the loop bound is 5 now,
   the translation below still counts to 3. *)
EXTENDS Naturals
(* --algorithm Stale
variables x = 0;
begin
  Inc: while x < 5 do
    x := x + 1;
  end while;
end algorithm; *)
\* BEGIN TRANSLATION (chksum(pcal) = "996f2d5d" /\ chksum(tla) = "c4b2ad8b")
VARIABLES x, pc

vars == << x, pc >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "Inc"

Inc == /\ pc = "Inc"
       /\ IF x < 3
             THEN /\ x' = x + 1
                  /\ pc' = "Inc"
             ELSE /\ pc' = "Done"
                  /\ x' = x

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Inc
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION
UpToFive == x <= 5
====
