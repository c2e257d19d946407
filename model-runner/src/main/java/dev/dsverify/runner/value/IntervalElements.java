package dev.dsverify.runner.value;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The elements of {@code lo..hi} computed on demand. TLC keeps intervals unexpanded when printing them, and
 * expanding {@code 1..1000000} into a million objects just to read a trace would be wasteful.
 * Unmodifiable: AbstractList rejects every mutation.
 */
final class IntervalElements extends AbstractList<TlaValue> implements RandomAccess {
    private final BigInteger lo;
    private final BigInteger hi;
    private final int size;

    /** Requires lo <= hi and a size that fits an int. */
    IntervalElements(BigInteger lo, BigInteger hi) {
        BigInteger n = hi.subtract(lo).add(BigInteger.ONE);
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("empty interval " + lo + ".." + hi);
        }
        if (n.bitLength() > 31) {
            throw new IllegalArgumentException("interval " + lo + ".." + hi + " has more than "
                    + Integer.MAX_VALUE + " elements");
        }
        this.lo = lo;
        this.hi = hi;
        this.size = n.intValueExact();
    }

    BigInteger lo() {
        return lo;
    }

    BigInteger hi() {
        return hi;
    }

    @Override
    public TlaValue get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of interval " + lo + ".." + hi);
        }
        return new TlaInt(lo.add(BigInteger.valueOf(index)));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof TlaInt i && i.value().compareTo(lo) >= 0 && i.value().compareTo(hi) <= 0;
    }
}
