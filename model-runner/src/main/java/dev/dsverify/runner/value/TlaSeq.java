package dev.dsverify.runner.value;

import java.util.List;

/**
 * A tuple or sequence, {@code <<a, b>>}: a function with domain {@code 1..n}, which is how TLC prints every
 * such function. The empty sequence is the empty function, so it equals an empty {@link TlaRecord} and an
 * empty {@link TlaFunction} (TLC prints all three as {@code <<>>}).
 */
public record TlaSeq(List<TlaValue> elements) implements TlaValue {
    public TlaSeq {
        elements = List.copyOf(elements);
    }

    public static TlaSeq of(TlaValue... elements) {
        return new TlaSeq(List.of(elements));
    }

    /** The 1-based element, as in TLA+ {@code s[i]}. */
    public TlaValue get(int index) {
        if (index < 1 || index > elements.size()) {
            throw new IndexOutOfBoundsException("index " + index + " outside 1.." + elements.size());
        }
        return elements.get(index - 1);
    }

    public int size() {
        return elements.size();
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof TlaSeq other) {
            return elements.equals(other.elements);
        }
        return elements.isEmpty() && EmptyFunction.is(o);
    }

    @Override
    public int hashCode() {
        return elements.isEmpty() ? EmptyFunction.HASH : elements.hashCode();
    }

    @Override
    public String toTla() {
        return TlaPrinter.print(this);
    }
}
