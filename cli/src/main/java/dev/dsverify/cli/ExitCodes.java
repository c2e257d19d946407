package dev.dsverify.cli;

import dev.dsverify.runner.Outcome;

/** Exit codes of {@code dsverify check}. */
final class ExitCodes {
    /** Every outcome as expected. */
    static final int OK = 0;
    /** A property or invariant was violated, or the model deadlocked. */
    static final int VIOLATION = 1;
    /** Usage error, missing file, or a spec or cfg that cannot be parsed or evaluated. */
    static final int USAGE = 2;
    /** TLC failed, timed out, was cancelled or stopped before exploring every state. */
    static final int TLC_FAILURE = 3;

    private ExitCodes() {
    }

    /** The exit code for one outcome, as if success were expected. */
    static int of(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> OK;
            case INVARIANT_VIOLATION, PROPERTY_VIOLATION, DEADLOCK, ASSERTION_FAILURE, ASSUMPTION_FAILURE -> VIOLATION;
            case PARSE_ERROR, CONFIG_ERROR, EVALUATION_ERROR -> USAGE;
            case TLC_ERROR, TIMEOUT, INCOMPLETE, CANCELLED -> TLC_FAILURE;
        };
    }

    /** The exit code for a result that did not meet its expectation: a missing violation counts as one. */
    static int ofMismatch(Outcome outcome) {
        return outcome == Outcome.SUCCESS ? VIOLATION : of(outcome);
    }
}
