package dev.dsverify.runner.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function that is neither a sequence nor a record, printed by TLC as {@code (a :> 1 @@ b :> 2)}.
 * Mappings keep printed order; equality ignores it. A key may appear only once.
 */
public record TlaFunction(List<Mapping> mappings) implements TlaValue {

    /** One {@code key :> value} pair. */
    public record Mapping(TlaValue key, TlaValue value) {
        public Mapping {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public TlaFunction {
        mappings = List.copyOf(mappings);
        Map<TlaValue, TlaValue> seen = new java.util.HashMap<>();
        for (Mapping m : mappings) {
            TlaValue previous = seen.put(m.key(), m.value());
            if (previous != null) {
                throw new IllegalArgumentException("key " + m.key().toTla() + " mapped twice");
            }
        }
    }

    /** The mappings as an insertion-ordered, unmodifiable map. */
    public Map<TlaValue, TlaValue> asMap() {
        LinkedHashMap<TlaValue, TlaValue> map = new LinkedHashMap<>();
        mappings.forEach(m -> map.put(m.key(), m.value()));
        return Collections.unmodifiableMap(map);
    }

    /** The value at {@code key}, as in TLA+ {@code f[key]}, or null outside the domain. */
    public TlaValue apply(TlaValue key) {
        for (Mapping m : mappings) {
            if (m.key().equals(key)) {
                return m.value();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof TlaFunction other) {
            return mappings.size() == other.mappings.size() && asMap().equals(other.asMap());
        }
        return mappings.isEmpty() && EmptyFunction.is(o);
    }

    @Override
    public int hashCode() {
        if (mappings.isEmpty()) {
            return EmptyFunction.HASH;
        }
        int h = 0;
        for (Mapping m : mappings) {
            h += m.key().hashCode() ^ m.value().hashCode();
        }
        return h;
    }

    @Override
    public String toTla() {
        return TlaPrinter.print(this);
    }
}
