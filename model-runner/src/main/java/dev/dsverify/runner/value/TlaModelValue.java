package dev.dsverify.runner.value;

import java.util.Objects;

/** A model value declared in a cfg (for example {@code n1} in {@code Server = {n1, n2}}). */
public record TlaModelValue(String name) implements TlaValue {
    public TlaModelValue {
        Objects.requireNonNull(name, "name");
        if (!Identifiers.isIdentifier(name) || name.equals("TRUE") || name.equals("FALSE")) {
            throw new IllegalArgumentException("model value name \"" + name + "\" is not a TLA+ identifier");
        }
    }

    @Override
    public String toTla() {
        return name;
    }
}
