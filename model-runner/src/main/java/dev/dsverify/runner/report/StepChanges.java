package dev.dsverify.runner.report;

import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaFunction;
import dev.dsverify.runner.value.TlaInt;
import dev.dsverify.runner.value.TlaRecord;
import dev.dsverify.runner.value.TlaSeq;
import dev.dsverify.runner.value.TlaSet;
import dev.dsverify.runner.value.TlaString;
import dev.dsverify.runner.value.TlaValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one step of a counterexample changed, at the finest place it changed: {@code currentTerm[s1]: 0 → 1}
 * rather than two whole functions, {@code + RequestVoteRequest s1→s2} for a message added to a set or bag of
 * messages, {@code - …} for one taken out, and {@code log[s2]: + <<…>>} for entries appended to a sequence.
 */
public final class StepChanges {
    /** Changes deeper than this are shown whole at that depth. */
    private static final int MAX_DEPTH = 4;

    /** One change: where ({@code currentTerm[s1]}) and what ({@code 0 → 1}, {@code + m}, {@code - m}). */
    public record Change(String path, String what) {
        @Override
        public String toString() {
            return what.startsWith("+ ") || what.startsWith("- ") ? path + " " + what : path + ": " + what;
        }
    }

    private StepChanges() {
    }

    /** The changes from {@code before} to {@code after}, in variable order; empty for the first state. */
    public static List<Change> between(TraceState before, TraceState after) {
        List<Change> out = new ArrayList<>();
        if (before == null) {
            return out;
        }
        Set<String> vars = new LinkedHashSet<>(after.vars().keySet());
        vars.addAll(before.vars().keySet());
        for (String v : vars) {
            diff(v, before.vars().get(v), after.vars().get(v), 0, out);
        }
        return out;
    }

    /** The variables that changed from {@code before} to {@code after}. */
    public static Set<String> changedVariables(TraceState before, TraceState after) {
        Set<String> out = new LinkedHashSet<>();
        if (before == null) {
            return out;
        }
        for (Map.Entry<String, TlaValue> e : after.vars().entrySet()) {
            if (!Objects.equals(e.getValue(), before.vars().get(e.getKey()))) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static void diff(String path, TlaValue a, TlaValue b, int depth, List<Change> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a == null || b == null) {
            out.add(new Change(path, text(a) + " → " + text(b)));
            return;
        }
        // TLC prints the empty function as <<>>, so a bag or function that empties or fills up meets a sequence.
        if (a instanceof TlaSeq qa && qa.size() == 0 && b instanceof TlaFunction) {
            a = new TlaFunction(List.of());
        }
        if (b instanceof TlaSeq qb && qb.size() == 0 && a instanceof TlaFunction) {
            b = new TlaFunction(List.of());
        }
        if (depth < MAX_DEPTH) {
            if (a instanceof TlaFunction fa && b instanceof TlaFunction fb) {
                if ((isBag(fa) || fa.mappings().isEmpty()) && (isBag(fb) || fb.mappings().isEmpty())) {
                    bag(path, fa.asMap(), fb.asMap(), out);
                } else {
                    keyed(path, keys(fa.asMap()), keys(fb.asMap()), depth, out);
                }
                return;
            }
            if (a instanceof TlaRecord ra && b instanceof TlaRecord rb && ra.fields().keySet().equals(rb.fields().keySet())) {
                for (String f : ra.fields().keySet()) {
                    diff(path + "." + f, ra.get(f), rb.get(f), depth + 1, out);
                }
                return;
            }
            if (a instanceof TlaSet sa && b instanceof TlaSet sb && !sa.isInterval() && !sb.isInterval()) {
                for (TlaValue x : sb.elements()) {
                    if (!sa.contains(x)) {
                        out.add(new Change(path, "+ " + element(x)));
                    }
                }
                for (TlaValue x : sa.elements()) {
                    if (!sb.contains(x)) {
                        out.add(new Change(path, "- " + element(x)));
                    }
                }
                return;
            }
            if (a instanceof TlaSeq qa && b instanceof TlaSeq qb) {
                if (isPrefix(qa, qb)) {
                    for (TlaValue x : qb.elements().subList(qa.size(), qb.size())) {
                        out.add(new Change(path, "+ " + element(x)));
                    }
                    return;
                }
                if (isPrefix(qb, qa)) {
                    for (TlaValue x : qa.elements().subList(qb.size(), qa.size())) {
                        out.add(new Change(path, "- " + element(x)));
                    }
                    return;
                }
                if (qa.size() == qb.size()) {
                    for (int i = 0; i < qa.size(); i++) {
                        diff(path + "[" + (i + 1) + "]", qa.get(i + 1), qb.get(i + 1), depth + 1, out);
                    }
                    return;
                }
            }
        }
        out.add(new Change(path, text(a) + " → " + text(b)));
    }

    private static void keyed(String path, Map<String, TlaValue> a, Map<String, TlaValue> b, int depth,
                              List<Change> out) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            diff(path + "[" + k + "]", a.get(k), b.get(k), depth + 1, out);
        }
    }

    private static Map<String, TlaValue> keys(Map<TlaValue, TlaValue> m) {
        Map<String, TlaValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k instanceof TlaString s ? s.value() : k.toTla(), v));
        return out;
    }

    /** A bag as TLC prints one: a function from records (messages) to positive counts. */
    private static boolean isBag(TlaFunction f) {
        return !f.mappings().isEmpty() && f.mappings().stream()
                .allMatch(m -> m.key() instanceof TlaRecord && m.value() instanceof TlaInt);
    }

    private static void bag(String path, Map<TlaValue, TlaValue> a, Map<TlaValue, TlaValue> b, List<Change> out) {
        Set<TlaValue> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        for (TlaValue k : keys) {
            long before = a.get(k) instanceof TlaInt i ? i.value().longValue() : 0;
            long after = b.get(k) instanceof TlaInt i ? i.value().longValue() : 0;
            if (before == after) {
                continue;
            }
            String copies = Math.abs(after - before) == 1 ? "" : " ×" + Math.abs(after - before);
            out.add(new Change(path, (after > before ? "+ " : "- ") + element(k) + copies));
        }
    }

    private static boolean isPrefix(TlaSeq shorter, TlaSeq longer) {
        return shorter.size() < longer.size()
                && longer.elements().subList(0, shorter.size()).equals(shorter.elements());
    }

    /**
     * A message record as {@code Type from→to} (plus its other fields) when it has such fields, else its TLA+
     * text.
     */
    static String element(TlaValue v) {
        if (v instanceof TlaRecord r) {
            String type = firstText(r, "type", "mtype", "kind", "msgType", "op");
            String from = firstText(r, "from", "src", "source", "sender", "msource", "msrc", "mfrom");
            String to = firstText(r, "to", "dst", "dest", "destination", "receiver", "mdest", "mdst", "mto");
            if (type != null && (from != null || to != null)) {
                StringBuilder sb = new StringBuilder(type).append(' ')
                        .append(from == null ? "?" : from).append('→').append(to == null ? "?" : to);
                List<String> rest = new ArrayList<>();
                r.fields().forEach((k, x) -> {
                    String t = x instanceof TlaString s ? s.value() : x.toTla();
                    if (!t.equals(type) && !t.equals(from) && !t.equals(to)) {
                        rest.add(k + " " + x.toTla());
                    }
                });
                if (!rest.isEmpty()) {
                    sb.append(" (").append(String.join(", ", rest)).append(')');
                }
                return sb.toString();
            }
        }
        return v.toTla();
    }

    private static String firstText(TlaRecord r, String... names) {
        for (String n : names) {
            TlaValue v = r.fields().get(n);
            if (v != null) {
                return v instanceof TlaString s ? s.value() : v.toTla();
            }
        }
        return null;
    }

    private static String text(TlaValue v) {
        return v == null ? "(none)" : v.toTla();
    }
}
