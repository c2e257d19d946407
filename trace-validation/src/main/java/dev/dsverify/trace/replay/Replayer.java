package dev.dsverify.trace.replay;

import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.value.impl.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Breadth-first search of the trace spec, one log line per level.
 *
 * <p>Every step of the trace spec consumes exactly one line (the cursor moves by one), so the states TLC's
 * breadth-first search would find at depth k are exactly the states this loop holds after k lines: the
 * successors, under the step for line k, of the states after k-1 lines, without duplicates. A trace matches
 * when a state is reached after the last line; otherwise the first line whose step has no successor is the
 * first line no spec behaviour explains. Only the current level is kept, so memory stays flat and each line
 * costs one evaluation per distinct state of its level (usually one).
 */
public final class Replayer {
    /** The trace spec's operator taking one event record and relating a state to its successors. */
    public static final String STEP = "ReplayStep";
    /** A level this wide means the log pins down too little; stop rather than run out of memory. */
    public static final int MAX_LEVEL_WIDTH = 100_000;

    private Replayer() {
    }

    public static Replay replay(SpecEvaluator spec, List<Value> events) {
        return replay(spec, events, STEP);
    }

    /** Replays with {@code step}, an operator of one event record like {@value #STEP}. */
    public static Replay replay(SpecEvaluator spec, List<Value> events, String step) {
        java.util.Iterator<Value> it = events.iterator();
        return replay(spec, () -> it.hasNext() ? it.next() : null, step);
    }

    /** The log's records one at a time, read only as the replay reaches them. */
    @FunctionalInterface
    public interface Source<X extends Exception> {
        /** The next record, or null after the last. */
        Value next() throws X;
    }

    /**
     * Replays the records {@code events} yields, holding only the current one: a log larger than memory can be
     * replayed. On a divergence, the record that could not be explained is the last one {@code events} yielded.
     */
    public static <X extends Exception> Replay replay(SpecEvaluator spec, Source<X> events, String step) throws X {
        List<TLCState> level = dedupe(spec.initStates());
        long explored = level.size();
        long distinct = level.size();
        int k = 0;
        for (Value e = events.next(); e != null; e = events.next(), k++) {
            List<TLCState> next = new ArrayList<>(2);
            for (TLCState s : level) {
                StateVec succ;
                try {
                    succ = spec.successors(step, s, e);
                } catch (RuntimeException ex) {
                    // TLC cannot evaluate the step on this line (it would stop with an evaluation error):
                    // no behaviour explains the line; the diagnosis reports the evaluator's message.
                    continue;
                }
                explored += succ.size();
                for (int j = 0; j < succ.size(); j++) {
                    next.add(succ.elementAt(j));
                }
            }
            if (next.size() > 1) {
                next = dedupe(next); // fingerprints cost O(state); the usual single successor needs none
            }
            if (next.isEmpty()) {
                return new Replay(k, level, explored, distinct);
            }
            if (next.size() > MAX_LEVEL_WIDTH) {
                throw new IllegalStateException("after event " + (k + 1) + " more than " + MAX_LEVEL_WIDTH
                        + " spec states fit the log; it constrains too little to be checked");
            }
            distinct += next.size();
            level = next;
        }
        return new Replay(k, level, explored, distinct);
    }

    private static List<TLCState> dedupe(List<TLCState> states) {
        Set<Long> seen = new HashSet<>();
        List<TLCState> out = new ArrayList<>();
        for (TLCState s : states) {
            if (seen.add(s.fingerPrint())) {
                out.add(s);
            }
        }
        return out;
    }
}
