package dev.dsverify.runner.report;

import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaFunction;
import dev.dsverify.runner.value.TlaInt;
import dev.dsverify.runner.value.TlaRecord;
import dev.dsverify.runner.value.TlaSeq;
import dev.dsverify.runner.value.TlaSet;
import dev.dsverify.runner.value.TlaString;
import dev.dsverify.runner.value.TlaValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The messages of a counterexample, for specs that model the network as a variable holding message records:
 * a set (Paxos, two-phase commit), a sequence, or a bag, which TLC prints as a function from message to
 * count (Raft). A message is placed in the state where it first appears, i.e. the step that sent it.
 *
 * @param variable  the network variable
 * @param processes lifelines, in a stable order
 * @param messages  every send, in trace order
 */
public record MessageFlow(String variable, List<String> processes, List<Message> messages) {

    /** One send: in state {@code state} (0-based trace index), {@code from} sent to {@code to} (null = all). */
    public record Message(int state, String from, String to, String label, String text) {
    }

    private static final List<String> FROM_FIELDS =
            List.of("from", "src", "source", "sender", "msource", "msrc", "mfrom", "sndr");
    private static final List<String> TO_FIELDS =
            List.of("to", "dst", "dest", "destination", "receiver", "mdest", "mdst", "mto", "rcvr");
    private static final List<String> LABEL_FIELDS = List.of("type", "mtype", "kind", "msgType", "op");

    /**
     * Finds the message flow of a trace: with a hint, from the named variable and fields; otherwise the
     * variable holding the most records that have a sender-like and a receiver-like field. Empty when the
     * trace has no such variable or no message was ever sent.
     */
    public static Optional<MessageFlow> detect(List<TraceState> trace, MessageHint hint) {
        if (trace.isEmpty()) {
            return Optional.empty();
        }
        if (hint != null) {
            return build(trace, hint);
        }
        MessageFlow best = null;
        for (String var : trace.get(trace.size() - 1).vars().keySet()) {
            Optional<MessageHint> guessed = guess(trace, var);
            if (guessed.isPresent()) {
                Optional<MessageFlow> flow = build(trace, guessed.get());
                if (flow.isPresent() && (best == null || flow.get().messages.size() > best.messages.size())) {
                    best = flow.get();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<MessageHint> guess(List<TraceState> trace, String var) {
        for (TraceState s : trace) {
            TlaValue v = s.vars().get(var);
            if (v == null) {
                continue;
            }
            for (TlaRecord r : records(v).keySet()) {
                String from = firstField(r, FROM_FIELDS);
                String to = firstField(r, TO_FIELDS);
                if (from != null && to != null) {
                    return Optional.of(new MessageHint(var, from, to, firstField(r, LABEL_FIELDS)));
                }
            }
        }
        return Optional.empty();
    }

    private static String firstField(TlaRecord r, List<String> names) {
        for (String n : names) {
            if (r.fields().containsKey(n)) {
                return n;
            }
        }
        return null;
    }

    private static Optional<MessageFlow> build(List<TraceState> trace, MessageHint hint) {
        // First the lifelines over the whole trace, so a broadcast reaches processes that speak only later.
        Set<String> processes = new LinkedHashSet<>();
        if (hint.coordinator() != null) {
            processes.add(hint.coordinator());
        }
        for (TraceState s : trace) {
            TlaValue v = s.vars().get(hint.variable());
            if (v != null) {
                for (TlaRecord m : records(v).keySet()) {
                    String from = sender(m, hint);
                    if (from != null) {
                        processes.add(from);
                        String to = receiver(m, hint, from);
                        if (to != null) {
                            processes.add(to);
                        }
                    }
                }
            }
        }
        List<Message> messages = new ArrayList<>();
        Map<TlaRecord, Long> before = Map.of();
        for (int i = 0; i < trace.size(); i++) {
            TlaValue v = trace.get(i).vars().get(hint.variable());
            Map<TlaRecord, Long> now = v == null ? Map.of() : records(v);
            for (Map.Entry<TlaRecord, Long> e : now.entrySet()) {
                long sent = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                TlaRecord m = e.getKey();
                String from = sender(m, hint);
                if (sent <= 0 || from == null) {
                    continue;
                }
                String to = receiver(m, hint, from);
                TlaValue label = hint.labelField() == null ? null : m.fields().get(hint.labelField());
                for (long k = 0; k < sent; k++) {
                    messages.add(new Message(i, from, to, label == null ? "" : name(label), m.toTla()));
                }
            }
            before = now;
        }
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        List<String> ordered = new ArrayList<>(processes);
        ordered.sort(Comparator.comparing(MessageFlow::naturalKey));
        if (hint.coordinator() != null) {
            // The coordinator's lifeline goes first, the way such protocols are drawn.
            ordered.remove(hint.coordinator());
            ordered.add(0, hint.coordinator());
        }
        return Optional.of(new MessageFlow(hint.variable(), List.copyOf(ordered), List.copyOf(messages)));
    }

    private static String sender(TlaRecord m, MessageHint hint) {
        TlaValue from = m.fields().get(hint.fromField());
        return from != null ? name(from) : hint.coordinator();
    }

    /** The receiver's name, or null for a broadcast. */
    private static String receiver(TlaRecord m, MessageHint hint, String from) {
        TlaValue to = hint.toField() == null ? null : m.fields().get(hint.toField());
        if (to != null) {
            return name(to);
        }
        if (hint.coordinator() != null && !hint.coordinator().equals(from)) {
            return hint.coordinator();
        }
        return null;
    }

    /** Message records held by a network value, with how many copies (1 for sets and sequences). */
    private static Map<TlaRecord, Long> records(TlaValue v) {
        Map<TlaRecord, Long> out = new LinkedHashMap<>();
        if (v instanceof TlaSet s) {
            s.elements().forEach(e -> addRecord(out, e, 1));
        } else if (v instanceof TlaSeq s) {
            s.elements().forEach(e -> addRecord(out, e, 1));
        } else if (v instanceof TlaFunction f) {
            for (TlaFunction.Mapping m : f.mappings()) {
                long n = m.value() instanceof TlaInt c ? c.value().min(BigInteger.valueOf(1000)).longValue() : 1;
                addRecord(out, m.key(), n);
            }
        }
        return out;
    }

    private static void addRecord(Map<TlaRecord, Long> out, TlaValue v, long n) {
        if (v instanceof TlaRecord r && n > 0) {
            out.merge(r, n, Long::sum);
        }
    }

    private static String name(TlaValue v) {
        return v instanceof TlaString s ? s.value() : v.toTla();
    }

    /** Sorts n2 before n10 by comparing digit runs as numbers. */
    private static String naturalKey(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                String digits = s.substring(i, j);
                sb.append(String.format("%010d", digits.length() > 10 ? Long.MAX_VALUE % 1_000_000_000L
                        : Long.parseLong(digits)));
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** The column of each lifeline, for drawing. */
    static Map<String, Integer> lifelineIndex(List<String> processes) {
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < processes.size(); i++) {
            idx.put(processes.get(i), i);
        }
        return idx;
    }
}
