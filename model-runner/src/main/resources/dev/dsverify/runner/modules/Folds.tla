------------------------------- MODULE Folds -------------------------------
(***************************************************************************)
(* The general fold over a finite set, on which the folds of               *)
(* FiniteSetsExt, Functions and SequencesExt are built.                    *)
(*                                                                         *)
(* MapThenFoldSet(op, base, f, choose, S) takes the elements of S in the   *)
(* order choose picks them (x1 = choose(S), x2 = choose(S \ {x1}), ...)    *)
(* and combines their images under f, last one first:                      *)
(*    op(f(x1), op(f(x2), ... op(f(xn), base) ...))                        *)
(* The result depends on choose only when op is not associative and        *)
(* commutative.                                                            *)
(***************************************************************************)

RECURSIVE MapThenFoldSet(_, _, _, _, _)
MapThenFoldSet(op(_, _), base, f(_), choose(_), S) ==
    IF S = {} THEN base
    ELSE LET x == choose(S)
         IN  op(f(x), MapThenFoldSet(op, base, f, choose, S \ {x}))
=============================================================================
