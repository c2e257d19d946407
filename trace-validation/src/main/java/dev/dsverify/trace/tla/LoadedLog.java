package dev.dsverify.trace.tla;

import dev.dsverify.trace.log.JsonLogReader;
import dev.dsverify.trace.log.LogMerger;
import dev.dsverify.trace.log.LogRecord;
import dev.dsverify.trace.log.TraceFormatException;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The log TraceValidation.tla's operators hand to TLC. The replayer installs the log it is about to check; a
 * plain TLC run of a trace spec names the NDJSON files in the system property {@value #PROPERTY}
 * (comma-separated), read once on first use.
 */
public final class LoadedLog {
    /** The system property naming the NDJSON files of a plain TLC run (comma-separated). */
    public static final String PROPERTY = "dsverify.trace";

    private static Value log;
    private static Value nodes;
    private static Value servers;

    private LoadedLog() {
    }

    /**
     * Installs, for a log replayed as it is read (never held whole), only what TraceRaft.tla needs before the first
     * line: its cluster. TraceLog and TraceNodes then stop TLC with an error rather than answer for another log.
     */
    public static synchronized void installStreamed(java.util.SortedSet<String> cluster) {
        Value[] ids = cluster.stream().map(tlc2.value.impl.StringValue::new).toArray(Value[]::new);
        SetEnumValue set = new SetEnumValue(ids, false);
        set.normalize();
        servers = set;
        log = null;
        nodes = null;
        streamed = true;
    }

    private static boolean streamed;

    /** The cluster installed with a streamed log, or null when a whole log is installed. */
    static synchronized Value streamedServers() {
        return streamed ? servers : null;
    }

    /** Installs the log for the next specification TLC processes (constants are evaluated once, then). */
    public static synchronized void install(List<LogRecord> merged) {
        streamed = false;
        servers = null;
        Value[] records = new Value[merged.size()];
        Set<Value> ids = new LinkedHashSet<>();
        for (int k = 0; k < records.length; k++) {
            records[k] = merged.get(k).value();
            if (merged.get(k).node() != null) {
                ids.add(new tlc2.value.impl.StringValue(merged.get(k).node()));
            }
        }
        log = new TupleValue(records);
        SetEnumValue set = new SetEnumValue(ids.toArray(new Value[0]), false);
        set.normalize();
        nodes = set;
    }

    static synchronized Value log() {
        if (streamed) {
            throw new IllegalStateException("this replay reads the log as it goes; TraceLog is not available to the trace spec");
        }
        if (log == null) {
            String files = System.getProperty(PROPERTY);
            if (files == null || files.isBlank()) {
                throw new IllegalStateException("no trace: set -D" + PROPERTY + "=file.ndjson[,more.ndjson]");
            }
            List<List<LogRecord>> parsed = new ArrayList<>();
            try {
                for (String f : files.split(",")) {
                    parsed.add(JsonLogReader.read(Path.of(f.trim())));
                }
                install(LogMerger.merge(parsed));
            } catch (TraceFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return log;
    }

    static synchronized Value nodes() {
        log();
        return nodes;
    }
}
