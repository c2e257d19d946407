-------------------------- MODULE InstanceMissing ---------------------------
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x

M == INSTANCE AlsoMissing WITH y <- x
=============================================================================
