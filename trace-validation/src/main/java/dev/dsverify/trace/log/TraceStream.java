package dev.dsverify.trace.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The merged log of one or more trace files, read so that logs larger than memory can be replayed.
 *
 * <p>Logs that fit comfortably in the heap (their size at most {@value #HEAP_SHARE_DIVISOR}th of the maximum heap:
 * a line held as a checked JSON tree takes several times its bytes) are read once and held, merged as {@link
 * TraceMerger#merge} merges them. Larger logs are read in two passes. {@link #scan} reads every file once: each line is checked against the contract and each file's clocks as
 * {@link TraceMerger} checks them, and the cluster (every id the log mentions) is collected; nothing is kept but
 * counts. {@link #open} then yields the events in the order {@link TraceMerger#merge} gives, one at a time: a
 * single file in the order written; several files merged by (clock, node, file, line). When every file is already
 * in that order (one node per file, as the implementation writes them) the merge reads the files side by side and
 * holds one line per file; otherwise the files are read whole and sorted, as before.
 */
public final class TraceStream implements AutoCloseable {
    private static final Comparator<TraceEvent> BY_CLOCK = Comparator.comparingLong(TraceEvent::clock)
            .thenComparing(TraceEvent::node);

    /**
     * What the first pass found.
     *
     * @param files   the files, in the order given
     * @param events  the number of events in all of them
     * @param servers every node id the log mentions
     * @param ordered whether each file is in (clock, node) order, so the files can be merged side by side
     * @param held    the merged events when the log was small enough to hold, else null (read again by {@link #open})
     */
    public record Scan(List<Path> files, int events, SortedSet<String> servers, boolean ordered, List<TraceEvent> held) {
    }

    /** A log of at most this fraction of the maximum heap is held in memory; larger ones are streamed. */
    static final int HEAP_SHARE_DIVISOR = 20;

    /**
     * Reads every file once, checking each line and each file's clocks and collecting the cluster; holds the merged
     * events only if the log is small against the heap.
     */
    public static Scan scan(List<Path> files) throws TraceFormatException {
        long bytes = 0;
        for (Path f : files) {
            try {
                bytes += java.nio.file.Files.size(f);
            } catch (java.io.IOException e) {
                throw new TraceFormatException(f.toString(), 0, null, "cannot read: " + e.getMessage());
            }
        }
        if (bytes <= Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR) {
            List<List<TraceEvent>> parsed = new ArrayList<>();
            for (Path f : files) {
                parsed.add(TraceReader.read(f));
            }
            List<TraceEvent> merged = TraceMerger.merge(parsed);
            return new Scan(List.copyOf(files), merged.size(), Servers.of(merged), true, merged);
        }
        return scanStreamed(files);
    }

    /** The first of two passes over a log too large to hold: counts and the cluster only. */
    static Scan scanStreamed(List<Path> files) throws TraceFormatException {
        int events = 0;
        SortedSet<String> servers = new TreeSet<>();
        boolean ordered = true;
        for (Path f : files) {
            Map<String, TraceEvent> lastAt = new HashMap<>();
            TraceEvent prev = null;
            try (TraceReader.Lines lines = TraceReader.open(f)) {
                for (TraceEvent e = lines.next(); e != null; e = lines.next()) {
                    TraceMerger.checkClock(lastAt, e);
                    Servers.add(servers, e);
                    ordered &= prev == null || BY_CLOCK.compare(prev, e) <= 0;
                    prev = e;
                    events++;
                }
            }
        }
        return new Scan(List.copyOf(files), events, servers, ordered, null);
    }

    private final List<TraceReader.Lines> open = new ArrayList<>();
    private final PriorityQueue<Head> heads;
    private final Iterator<TraceEvent> sorted;
    private final Map<String, TraceEvent> lastStep = new HashMap<>();

    private record Head(TraceEvent event, int file) {
    }

    private TraceStream(Scan scan) throws TraceFormatException {
        if (scan.held() != null) {
            sorted = scan.held().iterator();
            heads = null;
            return;
        }
        if (scan.files().size() > 1 && !scan.ordered()) {
            List<List<TraceEvent>> all = new ArrayList<>();
            for (Path f : scan.files()) {
                all.add(TraceReader.read(f));
            }
            sorted = TraceMerger.merge(all).iterator();
            heads = null;
            return;
        }
        sorted = null;
        heads = new PriorityQueue<>(Comparator.comparing(Head::event, BY_CLOCK)
                .thenComparingInt(Head::file)
                .thenComparingInt(h -> h.event().line()));
        try {
            for (int k = 0; k < scan.files().size(); k++) {
                TraceReader.Lines lines = TraceReader.open(scan.files().get(k));
                open.add(lines);
                TraceEvent first = lines.next();
                if (first != null) {
                    heads.add(new Head(first, k));
                }
            }
        } catch (TraceFormatException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens the second pass over the files {@code scan} read. */
    public static TraceStream open(Scan scan) throws TraceFormatException {
        return new TraceStream(scan);
    }

    /** The next event in causal order, or null after the last. */
    public TraceEvent next() throws TraceFormatException {
        if (sorted != null) {
            return sorted.hasNext() ? sorted.next() : null;
        }
        Head h = heads.poll();
        if (h == null) {
            return null;
        }
        TraceEvent following = open.get(h.file()).next();
        if (following != null) {
            heads.add(new Head(following, h.file()));
        }
        if (open.size() > 1 && !h.event().kind().isNetwork()) {
            // in (clock, node) order, two steps of one node with one clock are neighbours among its steps
            TraceEvent prev = lastStep.put(h.event().node(), h.event());
            if (prev != null && prev.clock() == h.event().clock()) {
                throw new TraceFormatException(h.event().file(), h.event().line(), "clock", "node "
                        + h.event().node() + " has two steps with clock " + h.event().clock() + " (also " + prev.where() + ")");
            }
        }
        return h.event();
    }

    @Override
    public void close() {
        for (TraceReader.Lines l : open) {
            l.close();
        }
    }
}
