package dev.dsverify.trace.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the lines of one or more log files of any system into one causal order, as {@link TraceMerger} does for
 * Raft: a single file is kept in the order written; several files are merged by Lamport clock ({@code clock}),
 * ties broken by {@code node}, then by file and line. Merging needs both fields on every line, a clock that grows
 * with every line of a node, and no two lines of one node with the same clock; otherwise the files cannot be
 * ordered and are rejected with file, line and field.
 */
public final class LogMerger {
    private LogMerger() {
    }

    public static List<LogRecord> merge(List<List<LogRecord>> files) throws TraceFormatException {
        if (files.size() == 1) {
            return List.copyOf(files.get(0));
        }
        List<LogRecord> all = new ArrayList<>();
        for (List<LogRecord> file : files) {
            Map<String, LogRecord> lastAt = new HashMap<>();
            for (LogRecord r : file) {
                if (r.clock() == null) {
                    throw new TraceFormatException(r.file(), r.line(), "clock",
                            "missing: several files are merged by Lamport clock, so every line needs one");
                }
                if (r.node() == null) {
                    throw new TraceFormatException(r.file(), r.line(), "node",
                            "missing or not a string: several files are merged by (clock, node)");
                }
                LogRecord prev = lastAt.put(r.node(), r);
                if (prev != null && r.clock() <= prev.clock()) {
                    throw new TraceFormatException(r.file(), r.line(), "clock", "clock of node " + r.node()
                            + " goes backwards: " + r.clock() + " after " + prev.clock() + " at line " + prev.line());
                }
            }
            all.addAll(file);
        }
        Map<String, Integer> fileIndex = new HashMap<>();
        for (int k = 0; k < files.size(); k++) {
            if (!files.get(k).isEmpty()) {
                fileIndex.putIfAbsent(files.get(k).get(0).file(), k);
            }
        }
        all.sort(Comparator.comparingLong(LogRecord::clock)
                .thenComparing(LogRecord::node)
                .thenComparing(r -> fileIndex.getOrDefault(r.file(), 0))
                .thenComparingInt(LogRecord::line));
        Map<String, LogRecord> seen = new HashMap<>();
        for (LogRecord r : all) {
            LogRecord prev = seen.put(r.node() + "@" + r.clock(), r);
            if (prev != null) {
                throw new TraceFormatException(r.file(), r.line(), "clock",
                        "node " + r.node() + " has two lines with clock " + r.clock() + " (also " + prev.where() + ")");
            }
        }
        return List.copyOf(all);
    }
}
