package dev.dsverify.runner.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A record, {@code [a |-> 1, b |-> 2]}. Field order is kept as printed; equality ignores it. */
public record TlaRecord(Map<String, TlaValue> fields) implements TlaValue {
    public TlaRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlaRecord other && Map.copyOf(fields).equals(Map.copyOf(other.fields));
    }

    @Override
    public int hashCode() {
        return Map.copyOf(fields).hashCode();
    }

    @Override
    public String toTla() {
        if (fields.isEmpty()) {
            return "[]";
        }
        return fields.entrySet().stream()
                .map(e -> e.getKey() + " |-> " + e.getValue().toTla())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
