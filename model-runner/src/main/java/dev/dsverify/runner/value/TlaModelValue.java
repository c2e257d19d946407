package dev.dsverify.runner.value;

import java.util.Objects;

/** A model value declared in a cfg (for example {@code n1} in {@code Server = {n1, n2}}). */
public record TlaModelValue(String name) implements TlaValue {
    public TlaModelValue {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toTla() {
        return name;
    }
}
