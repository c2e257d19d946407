---- MODULE Untranslated ----
(* A PlusCal algorithm that was never translated: there is no TLA+ for TLC to check. *)
EXTENDS Naturals
(* --algorithm Untranslated
variables x = 0;
begin
  Inc: while x < 2 do
    x := x + 1;
  end while;
end algorithm; *)
UpToTwo == x <= 2
====
