package dev.dsverify.runner;

import dev.dsverify.runner.value.TlaValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One state of a counterexample. {@code action} is the action's name ("Initial predicate" for the first
 * state), {@code location} where it is defined (null for the initial state), {@code vars} every variable's
 * value in declaration order.
 */
public record TraceState(int number, String action, SourceRange location, Map<String, TlaValue> vars) {
    public TraceState {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }
}
