package dev.dsverify.runner;

import java.util.Locale;

/**
 * How a model check ended. {@link #jsonName()} is the stable snake_case name used in JSON results, the
 * catalog's {@code expect.outcome} and reports.
 */
public enum Outcome {
    SUCCESS,
    INVARIANT_VIOLATION,
    PROPERTY_VIOLATION,
    DEADLOCK,
    ASSERTION_FAILURE,
    ASSUMPTION_FAILURE,
    PARSE_ERROR,
    CONFIG_ERROR,
    EVALUATION_ERROR,
    TLC_ERROR,
    TIMEOUT,
    INCOMPLETE,
    CANCELLED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromJsonName(String name) {
        for (Outcome o : values()) {
            if (o.jsonName().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + name + "'");
    }

    /** True for outcomes where the model itself was found wrong (as opposed to the run failing). */
    public boolean isViolation() {
        return switch (this) {
            case INVARIANT_VIOLATION, PROPERTY_VIOLATION, DEADLOCK, ASSERTION_FAILURE, ASSUMPTION_FAILURE -> true;
            default -> false;
        };
    }
}
