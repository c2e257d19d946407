package dev.dsverify.runner.value;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A finite set, {@code {a, b}}. Elements keep the order TLC printed them in (TLC prints sets normalised),
 * but equality ignores order, as set equality must. Duplicates are dropped on construction, so
 * {@code elements().size()} is the cardinality.
 *
 * <p>An interval {@code lo..hi}, which TLC prints unexpanded, is a set whose elements are computed on demand
 * (see {@link #interval}); it prints back as {@code lo..hi}.
 */
public record TlaSet(List<TlaValue> elements) implements TlaValue {
    public TlaSet {
        if (!(elements instanceof IntervalElements)) {
            elements = distinct(elements);
        }
    }

    /** The set {@code lo..hi}; empty when {@code lo > hi}. At most {@link Integer#MAX_VALUE} elements. */
    public static TlaSet interval(BigInteger lo, BigInteger hi) {
        return lo.compareTo(hi) > 0 ? new TlaSet(List.of()) : new TlaSet(new IntervalElements(lo, hi));
    }

    /** True when this set was built as a non-empty interval and prints as {@code lo..hi}. */
    public boolean isInterval() {
        return elements instanceof IntervalElements;
    }

    public int size() {
        return elements.size();
    }

    public boolean contains(TlaValue v) {
        return elements instanceof IntervalElements ? elements.contains(v) : new HashSet<>(elements).contains(v);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TlaSet other) || other.elements.size() != elements.size()) {
            return false;
        }
        if (elements instanceof IntervalElements a && other.elements instanceof IntervalElements b) {
            return a.lo().equals(b.lo());
        }
        if (elements instanceof IntervalElements) {
            return other.elements.stream().allMatch(elements::contains);
        }
        if (other.elements instanceof IntervalElements) {
            return elements.stream().allMatch(other.elements::contains);
        }
        return new HashSet<>(elements).containsAll(other.elements);
    }

    @Override
    public int hashCode() {
        // The Set contract: the sum of the element hashes, independent of order.
        int h = 0;
        for (TlaValue v : elements) {
            h += v.hashCode();
        }
        return h;
    }

    @Override
    public String toTla() {
        if (elements instanceof IntervalElements i) {
            return i.lo() + ".." + i.hi();
        }
        return TlaPrinter.print(this);
    }

    private static List<TlaValue> distinct(List<TlaValue> elements) {
        List<TlaValue> copy = List.copyOf(elements);
        LinkedHashSet<TlaValue> seen = new LinkedHashSet<>(copy);
        return seen.size() == copy.size() ? copy : List.copyOf(seen);
    }
}
