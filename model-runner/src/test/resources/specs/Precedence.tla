---- MODULE Precedence ----
EXTENDS Naturals
VARIABLES x
Init == x = 0
\* * and \div have no relative precedence: SANY wants parentheses.
Next == x' = x * 2 \div 2
====
