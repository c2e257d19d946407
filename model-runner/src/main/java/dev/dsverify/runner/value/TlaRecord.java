package dev.dsverify.runner.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record, {@code [a |-> 1, b |-> 2]}: a function whose domain is a set of identifier-like strings. TLC
 * prints such a function this way however it was built, with the fields in the order their names were
 * first used in the spec. Field order is kept as printed; equality ignores it (Map equality).
 */
public record TlaRecord(Map<String, TlaValue> fields) implements TlaValue {
    public TlaRecord {
        LinkedHashMap<String, TlaValue> copy = new LinkedHashMap<>(fields);
        copy.forEach((k, v) -> {
            Objects.requireNonNull(k, "field name");
            Objects.requireNonNull(v, () -> "value of field " + k);
            if (!Identifiers.isIdentifier(k)) {
                // TLC prints a function over such strings as ("a b" :> 1); a record could not print it.
                throw new IllegalArgumentException("record field name \"" + k
                        + "\" is not a TLA+ identifier; use a TlaFunction with string keys");
            }
        });
        fields = Collections.unmodifiableMap(copy);
    }

    /** The value of a field, or null when there is no such field. */
    public TlaValue get(String field) {
        return fields.get(field);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof TlaRecord other) {
            return fields.equals(other.fields);
        }
        return fields.isEmpty() && EmptyFunction.is(o);
    }

    @Override
    public int hashCode() {
        return fields.isEmpty() ? EmptyFunction.HASH : fields.hashCode();
    }

    @Override
    public String toTla() {
        return TlaPrinter.print(this);
    }
}
