package dev.dsverify.runner.report;

import dev.dsverify.runner.Outcome;
import java.util.Objects;

/**
 * What a model check is expected to end with: an outcome and, for a violation, optionally the name of the
 * invariant or property that must be the one violated (a different property failing is a different bug).
 */
public record Expectation(Outcome outcome, String violated) {

    public static final Expectation SUCCESS = new Expectation(Outcome.SUCCESS, null);

    public Expectation {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** True when {@code actualOutcome}/{@code actualViolated} is what this expectation asks for. */
    public boolean isMetBy(Outcome actualOutcome, String actualViolated) {
        return outcome == actualOutcome && (violated == null || violated.equals(actualViolated));
    }

    /** "success", or "invariant_violation of TypeOK". */
    public String describe() {
        return violated == null ? outcome.jsonName() : outcome.jsonName() + " of " + violated;
    }
}
