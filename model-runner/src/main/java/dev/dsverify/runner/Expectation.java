package dev.dsverify.runner;

import java.util.Objects;

/**
 * What a model is expected to do: an outcome and, for violations, the name of the invariant or property that
 * fails. A null {@code violated} means the name is not checked.
 */
public record Expectation(Outcome outcome, String violated) {
    public Expectation {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Expectation success() {
        return new Expectation(Outcome.SUCCESS, null);
    }

    public boolean matches(ModelCheckResult result) {
        return result.outcome() == outcome && (violated == null || violated.equals(result.violated()));
    }

    @Override
    public String toString() {
        return violated == null ? outcome.jsonName() : outcome.jsonName() + " (" + violated + ")";
    }
}
