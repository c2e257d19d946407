package dev.dsverify.runner.value;

import java.util.List;
import java.util.stream.Collectors;

/** A tuple or sequence, {@code <<a, b>>}. */
public record TlaSeq(List<TlaValue> elements) implements TlaValue {
    public TlaSeq {
        elements = List.copyOf(elements);
    }

    @Override
    public String toTla() {
        return elements.stream().map(TlaValue::toTla).collect(Collectors.joining(", ", "<<", ">>"));
    }
}
