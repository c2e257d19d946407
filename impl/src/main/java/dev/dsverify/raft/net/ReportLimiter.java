package dev.dsverify.raft.net;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports each kind of refusal from each remote host once per interval, so that an attacker who repeats a
 * refused frame or connection cannot flood the node's log. The next report of the same key says how many were
 * left out meanwhile.
 */
final class ReportLimiter {
    private static final int MAX_KEYS = 4096;

    private record Seen(long atNanos, long suppressed) {}

    private final Diagnostics diag;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

    ReportLimiter(Diagnostics diag, long intervalMillis) {
        this.diag = diag;
        this.intervalNanos = intervalMillis * 1_000_000;
    }

    /** Reports {@code line} unless {@code key} was reported less than an interval ago. */
    void report(String key, String line) {
        if (seen.size() > MAX_KEYS) {
            seen.clear(); // many distinct sources: forget, at worst some report again
        }
        long now = System.nanoTime();
        Seen[] previous = new Seen[1];
        boolean[] print = new boolean[1];
        seen.compute(key, (k, s) -> {
            previous[0] = s;
            if (s == null || now - s.atNanos() >= intervalNanos) {
                print[0] = true;
                return new Seen(now, 0);
            }
            return new Seen(s.atNanos(), s.suppressed() + 1);
        });
        if (print[0]) {
            long left = previous[0] == null ? 0 : previous[0].suppressed();
            diag.report(left == 0 ? line : line + " (" + left + " more like it not reported)");
        }
    }
}
