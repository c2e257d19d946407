package dev.dsverify.runner.value;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A function that is neither a sequence nor a record, printed by TLC as {@code (a :> 1 @@ b :> 2)}.
 * Mappings keep printed order; equality ignores it.
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
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlaFunction other && Set.copyOf(mappings).equals(Set.copyOf(other.mappings));
    }

    @Override
    public int hashCode() {
        return Set.copyOf(mappings).hashCode();
    }

    @Override
    public String toTla() {
        if (mappings.isEmpty()) {
            // TLC prints the empty function as an empty sequence; keep that so round trips are exact.
            return "<<>>";
        }
        return mappings.stream()
                .map(m -> m.key().toTla() + " :> " + m.value().toTla())
                .collect(Collectors.joining(" @@ ", "(", ")"));
    }
}
