package dev.dsverify.twophase;

import dev.dsverify.tracing.MemorySink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the deliberate bugs showed in the logs: each buggy step's node, file, 1-based line and clock. A run
 * knows this from its own bookkeeping, so a test can ask replay to stop at exactly the first of them in the
 * order replay reads the logs (by clock, ties by node id).
 */
public final class BugSites {
    /** One buggy line: {@code file} is the node's log file name, {@code line} 1-based. */
    public record Site(Bug bug, String node, String file, int line, long clock) {
    }

    private final Map<String, MemorySink> sinks;
    private final List<Site> sites = new ArrayList<>();

    BugSites(Map<String, MemorySink> sinks) {
        this.sinks = sinks;
    }

    /** Records the line {@code node} just wrote for a buggy step. */
    void record(Bug bug, String node, long clock) {
        MemorySink s = sinks.get(node);
        assert s != null && !s.lines().isEmpty() : "a bug is recorded right after its line is written";
        sites.add(new Site(bug, node, node + ".ndjson", s.lines().size(), clock));
    }

    public List<Site> all() {
        return List.copyOf(sites);
    }

    /** The buggy line replay reaches first: the least by Lamport clock, then node id. */
    public Optional<Site> first() {
        return sites.stream().min(Comparator.comparingLong(Site::clock).thenComparing(Site::node));
    }
}
