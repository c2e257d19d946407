package dev.dsverify.runner.value;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A finite set, {@code {a, b}}. Elements keep the order TLC printed them in (TLC prints sets normalised),
 * but equality ignores order, as set equality must.
 */
public record TlaSet(List<TlaValue> elements) implements TlaValue {
    public TlaSet {
        elements = List.copyOf(elements);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlaSet other
                && java.util.Set.copyOf(elements).equals(java.util.Set.copyOf(other.elements));
    }

    @Override
    public int hashCode() {
        return java.util.Set.copyOf(elements).hashCode();
    }

    @Override
    public String toTla() {
        return elements.stream().map(TlaValue::toTla).collect(Collectors.joining(", ", "{", "}"));
    }
}
