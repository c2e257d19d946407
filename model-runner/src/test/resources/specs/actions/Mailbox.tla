---- MODULE Mailbox ----
\* Processes post numbered letters into a shared box and take them out again. TLC names a step of the
\* disjuncts below only "Next"; the report must name Post or Take.
EXTENDS Naturals
CONSTANT Procs
VARIABLES box, sent

Init == box = {} /\ sent = [p \in Procs |-> 0]

Post(p) == /\ sent[p] < 2
           /\ sent' = [sent EXCEPT ![p] = @ + 1]
           /\ box' = box \cup {<<p, sent[p]>>}

Take(letter) == box' = box \ {letter} /\ UNCHANGED sent

Next == \/ \E p \in Procs : Post(p)
        \/ \E letter \in box : letter[1] \in Procs /\ Take(letter)

\* Violated once a second letter was posted and taken again.
NotAllTaken == ~(box = {} /\ \A p \in Procs : sent[p] = 2)
====
