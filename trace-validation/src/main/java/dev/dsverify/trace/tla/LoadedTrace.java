package dev.dsverify.trace.tla;

import dev.dsverify.trace.log.TraceEvent;
import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.log.TraceMerger;
import dev.dsverify.trace.log.TraceReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The trace TraceLog.tla's operators hand to TLC. The replayer installs the trace it is about to check; a
 * plain TLC run of TraceRaft.tla names the NDJSON files in the system property {@value #PROPERTY}
 * (comma-separated), read once on first use.
 */
public final class LoadedTrace {
    public static final String PROPERTY = "dsverify.trace";

    private static volatile List<TraceEvent> events;
    private static volatile SortedSet<String> servers;

    private LoadedTrace() {
    }

    /** Installs the trace for the next specification TLC processes (constants are evaluated once, then). */
    public static synchronized void install(List<TraceEvent> merged) {
        events = merged;
        servers = Servers.of(merged);
    }

    static synchronized List<TraceEvent> events() {
        if (events == null) {
            String files = System.getProperty(PROPERTY);
            if (files == null || files.isBlank()) {
                throw new IllegalStateException("no trace: set -D" + PROPERTY + "=file.ndjson[,more.ndjson]");
            }
            List<List<TraceEvent>> parsed = new ArrayList<>();
            try {
                for (String f : files.split(",")) {
                    parsed.add(TraceReader.read(Path.of(f.trim())));
                }
                install(TraceMerger.merge(parsed));
            } catch (TraceFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return events;
    }

    static synchronized SortedSet<String> servers() {
        events();
        return servers;
    }
}
