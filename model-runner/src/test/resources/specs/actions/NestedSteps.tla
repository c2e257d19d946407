---- MODULE NestedSteps ----
\* A Next made of existentially quantified disjuncts, as most protocol specs are. TLC names a disjunct
\* that quantifies over a state variable (here sent) "Next"; the report names the action it applies.
EXTENDS Naturals
CONSTANT Procs
VARIABLES sent, got

Init == sent = {} /\ got = {}

Send(p) == /\ p \notin sent
           /\ sent' = sent \cup {p}
           /\ UNCHANGED got

Deliver(p, q) == /\ <<p, q>> \notin got
                 /\ got' = got \cup {<<p, q>>}
                 /\ UNCHANGED sent

Next == \/ \E p \in Procs : Send(p)
        \/ \E p \in sent : \E q \in Procs \ {p} : Deliver(p, q)

FewDeliveries == got = {}
====
