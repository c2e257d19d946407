---------------------------- MODULE PrintedValues ----------------------------
(* Steps through a list of values so that TLC prints each one in an error trace.
   The trace is the fixture for the value parser: what TLC really prints, not
   what the TLA+ book says it could print. The invariant fails at the last step,
   so every value appears in a 2217 state message. *)
EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC

CONSTANTS n1, n2, Nil

VARIABLES step, v

Cases == <<
    -3,
    2147483647,
    -2147483647 - 1,
    "a\"b\\c\nd\te\rf\fg",
    "üñí€ and spaces",
    "",
    TRUE,
    n1,
    <<>>,
    {},
    [i \in {} |-> 1],
    1..3,
    3..1,
    -1..1,
    0..0,
    [a |-> 1, b |-> <<>>],
    [b |-> 1, a |-> 2],
    [s \in {"TRUE", "ELSE", "DOMAIN", "a_b", "_x", "1a"} |-> s],
    [s \in {"a b", "1", "q\"x", ""} |-> 1],
    [s \in {"é", "ß1", "WF_"} |-> 0],
    [s \in {"WF_x", "_"} |-> 0],
    [i \in 1..3 |-> i * i],
    [n \in {n1, n2} |-> [a |-> {n}]],
    (n1 :> "one"),
    ([a |-> 1] :> <<1>>),
    (-1 :> -2 @@ 0 :> 0 @@ 7 :> 7),
    (TRUE :> 1 @@ FALSE :> 2),
    {n1, Nil, n2},
    SUBSET {1, 2},
    [{1, 2} -> {"x"}],
    [a : {1, 2}, b : {"x"}],
    {1, 2} \X {3},
    BOOLEAN,
    << <<{}>>, {<<>>}, {{}}, [f |-> [g |-> [h |-> <<{n1}>>]]] >>,
    {i * 7 : i \in 1..400},
    [i \in 1..30 |-> [id |-> i, name |-> "node", up |-> i % 2 = 0]]
  >>

Init == step = 0 /\ v = "start"

Next == step < Len(Cases) /\ step' = step + 1 /\ v' = Cases[step + 1]

AllPrinted == step < Len(Cases)
==============================================================================
