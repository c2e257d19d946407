package dev.dsverify.runner.report;

import dev.dsverify.runner.Expectation;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One model's result together with what was expected of it: the unit every report is made of. */
public record ModelReport(ModelCheckResult result, Expectation expected) {

    public ModelReport {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(expected, "expected");
    }

    /** A result reported without an expectation is expected to succeed. */
    public static ModelReport expectingSuccess(ModelCheckResult result) {
        return new ModelReport(result, Expectation.success());
    }

    public String name() {
        return result.name();
    }

    private static final Pattern MISSING_MODULE =
            Pattern.compile("module (\\w+) not found");

    public Outcome outcome() {
        return result.outcome();
    }

    /** True when the check ended as expected, including an expected violation. */
    public boolean passed() {
        return expected.matches(result);
    }

    /**
     * One sentence for people and build logs saying what happened, e.g.
     * "invariant LeaderCompleteness violated (expected success)".
     */
    public String describe() {
        ModelCheckResult r = result;
        String what = switch (r.outcome()) {
            case SUCCESS -> "no error found";
            case INVARIANT_VIOLATION -> "invariant " + nameOr(r.violated(), "?") + " violated";
            case PROPERTY_VIOLATION -> "property " + nameOr(r.violated(), "?") + " violated";
            case DEADLOCK -> "deadlock reached";
            case ASSERTION_FAILURE -> "assertion failed";
            case ASSUMPTION_FAILURE -> "assumption " + nameOr(r.violated(), "") + " is false";
            case PARSE_ERROR -> missingModule(r.message()) + position();
            case CONFIG_ERROR -> "configuration error" + position();
            case EVALUATION_ERROR -> "evaluation error" + position();
            case TLC_ERROR -> "TLC failed (exit code " + r.tlcExitCode() + ")";
            case TIMEOUT -> "timed out";
            case INCOMPLETE -> "stopped before exploring the whole state space";
            case CANCELLED -> "cancelled";
        };
        what = what.replace("  ", " ").trim();
        if (!passed()) {
            what += " (expected " + expected + ")";
        } else if (r.outcome() != Outcome.SUCCESS) {
            what += " (as expected)";
        }
        return what;
    }

    /** "module X not found" when that is why the spec did not parse (the sentence names the module then). */
    private static String missingModule(String message) {
        Matcher m = message == null ? null : MISSING_MODULE.matcher(message);
        return m != null && m.lookingAt() ? "module " + m.group(1) + " not found" : "spec could not be parsed";
    }

    private String position() {
        return result.errorPosition() == null ? "" : " at " + result.errorPosition();
    }

    private static String nameOr(String name, String fallback) {
        return name == null ? fallback : name;
    }
}
