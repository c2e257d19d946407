package dev.dsverify.runner.report;

import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaFunction;
import dev.dsverify.runner.value.TlaInt;
import dev.dsverify.runner.value.TlaRecord;
import dev.dsverify.runner.value.TlaString;
import dev.dsverify.runner.value.TlaValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of a trace that are functions over one set of processes ({@code currentTerm}, {@code role},
 * {@code log} over {@code {s1, s2, s3}}), so that a state can be read one row per process instead of one
 * wide function per column.
 *
 * @param processes the common domain, as printed keys, in the order TLC printed them
 * @param variables the variables that are functions over it in every state, in declaration order
 */
public record ProcessPivot(List<String> processes, List<String> variables) {
    public ProcessPivot {
        processes = List.copyOf(processes);
        variables = List.copyOf(variables);
        assert variables.size() >= 2 : "a pivot needs two variables over the same processes";
    }

    /** The largest group (two or more) of variables that are functions over the same set in every state. */
    public static Optional<ProcessPivot> of(List<TraceState> trace) {
        if (trace.isEmpty()) {
            return Optional.empty();
        }
        Map<List<String>, List<String>> byDomain = new LinkedHashMap<>();
        for (Map.Entry<String, TlaValue> e : trace.get(0).vars().entrySet()) {
            List<String> domain = domain(e.getValue());
            if (domain != null && domain.size() >= 2) {
                byDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(e.getKey());
            }
        }
        ProcessPivot best = null;
        for (Map.Entry<List<String>, List<String>> g : byDomain.entrySet()) {
            List<String> vars = new ArrayList<>();
            for (String v : g.getValue()) {
                if (trace.stream().allMatch(s -> g.getKey().equals(domain(s.vars().get(v))))) {
                    vars.add(v);
                }
            }
            if (vars.size() >= 2 && (best == null || vars.size() > best.variables.size())) {
                best = new ProcessPivot(g.getKey(), vars);
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code variable[process]} in {@code state}; null when the state lacks it. */
    public TlaValue at(TraceState state, String variable, String process) {
        TlaValue v = state.vars().get(variable);
        if (!(v instanceof TlaFunction f)) {
            return null;
        }
        for (TlaFunction.Mapping m : f.mappings()) {
            if (key(m.key()).equals(process)) {
                return m.value();
            }
        }
        return null;
    }

    /** The keys of a function over processes (not a bag of messages), or null for any other value. */
    private static List<String> domain(TlaValue v) {
        if (!(v instanceof TlaFunction f) || f.mappings().isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (TlaFunction.Mapping m : f.mappings()) {
            if (m.key() instanceof TlaRecord) {
                return null;
            }
            keys.add(key(m.key()));
        }
        return keys.stream().sorted().toList();
    }

    private static String key(TlaValue k) {
        return k instanceof TlaString s ? s.value() : k instanceof TlaInt i ? i.value().toString() : k.toTla();
    }
}
