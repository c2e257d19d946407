package dev.dsverify.trace.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the events of one or more trace files into a single causal order.
 *
 * <p>A single file is kept in the order it was written (a simulator writes the true interleaving). Several files,
 * typically one per node, are merged by Lamport clock: if a happened before b then clock(a) &lt; clock(b), so
 * sorting by (clock, node id) yields an order consistent with causality; equal clocks on different nodes are
 * concurrent and the node id breaks the tie so that the order is the same on every run.
 *
 * <p>Both cases first check that the clocks can be trusted: a node's clock must grow with every step, and a
 * receiving step must come after the send (its clock exceeds the message's clock). Otherwise the merged order
 * would be meaningless, and the trace is rejected with the offending file and line.
 */
public final class TraceMerger {
    private TraceMerger() {
    }

    public static List<TraceEvent> merge(List<List<TraceEvent>> files) throws TraceFormatException {
        List<TraceEvent> all = new ArrayList<>();
        for (List<TraceEvent> file : files) {
            checkClocks(file);
            all.addAll(file);
        }
        if (files.size() == 1) {
            return List.copyOf(all);
        }
        Map<String, Integer> fileIndex = new HashMap<>();
        for (int k = 0; k < files.size(); k++) {
            if (!files.get(k).isEmpty()) {
                fileIndex.putIfAbsent(files.get(k).get(0).file(), k);
            }
        }
        all.sort(Comparator.comparingLong(TraceEvent::clock)
                .thenComparing(TraceEvent::node)
                .thenComparing(e -> fileIndex.getOrDefault(e.file(), 0))
                .thenComparingInt(TraceEvent::line));
        checkNoDuplicateClocks(all);
        return List.copyOf(all);
    }

    private static void checkClocks(List<TraceEvent> file) throws TraceFormatException {
        Map<String, TraceEvent> lastAt = new HashMap<>();
        for (TraceEvent e : file) {
            checkClock(lastAt, e);
        }
    }

    /** Checks one event of a file against the previous step of its node there ({@code lastAt}, updated). */
    static void checkClock(Map<String, TraceEvent> lastAt, TraceEvent e) throws TraceFormatException {
        if (e.kind().isNetwork()) {
            return; // the network has no clock of its own; it only carries the sender's
        }
        TraceEvent prev = lastAt.put(e.node(), e);
        if (prev != null && e.clock() <= prev.clock()) {
            throw new TraceFormatException(e.file(), e.line(), "clock",
                    "clock of node " + e.node() + " goes backwards: " + e.clock() + " after " + prev.clock()
                            + " at line " + prev.line());
        }
        if (e.kind().receives() && e.msg().clock() >= e.clock()) {
            throw new TraceFormatException(e.file(), e.line(), "msg.clock",
                    "message received before it was sent: its clock " + e.msg().clock()
                            + " is not below the receiving step's clock " + e.clock());
        }
    }

    /** Two files that both hold the same node's steps would interleave them arbitrarily: refuse. */
    private static void checkNoDuplicateClocks(List<TraceEvent> merged) throws TraceFormatException {
        Map<String, TraceEvent> seen = new HashMap<>();
        for (TraceEvent e : merged) {
            if (e.kind().isNetwork()) {
                continue;
            }
            TraceEvent prev = seen.put(e.node() + "@" + e.clock(), e);
            if (prev != null) {
                throw new TraceFormatException(e.file(), e.line(), "clock",
                        "node " + e.node() + " has two steps with clock " + e.clock() + " (also " + prev.where() + ")");
            }
        }
    }
}
