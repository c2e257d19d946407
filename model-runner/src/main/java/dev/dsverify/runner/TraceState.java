package dev.dsverify.runner;

import dev.dsverify.runner.value.TlaValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One state of a counterexample. {@code action} is the name TLC gave the step ("Initial predicate" for the
 * first state; for a disjunct of {@code Next} TLC 2.18 says only "Next"), {@code location} where it is defined
 * (null for the initial state), {@code vars} every variable's value in declaration order, and {@code call} the
 * action operator the step applied as written in the spec, e.g. {@code HandleRequestStep(m)}, resolved from
 * the location with SANY (null when it cannot be named).
 */
public record TraceState(int number, String action, SourceRange location, Map<String, TlaValue> vars, String call) {
    public TraceState {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    /** A state whose action call is not (yet) resolved. */
    public TraceState(int number, String action, SourceRange location, Map<String, TlaValue> vars) {
        this(number, action, location, vars, null);
    }

    /** This state with its action call named. */
    public TraceState withCall(String c) {
        return new TraceState(number, action, location, vars, c);
    }

    /** What a report calls the step: the resolved call when there is one, else TLC's name. */
    public String label() {
        if (call != null) {
            return call;
        }
        return action == null ? "" : action;
    }
}
