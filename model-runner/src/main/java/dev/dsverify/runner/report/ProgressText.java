package dev.dsverify.runner.report;

import dev.dsverify.runner.DrainEstimate;
import dev.dsverify.runner.Progress;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The one progress line of a running check, for the CLI and the Maven plugin alike:
 * {@code [Raft] 2:05 | 1,500,000 distinct states (8,333/s) | 300,000 on queue | depth 30 | counts from 5 s ago
 * | about 3 min left}.
 *
 * <p>TLC reports counts about once a minute, while the line is redrawn every second, so the line says how old
 * its counts are, and gives a rate only when two reports span a real interval: TLC's own per-minute figure in
 * its first report covers however long it had run, a few seconds say, and a rate repeated between reports
 * would read as current when it is not.
 */
public final class ProgressText {
    private final DrainEstimate eta = new DrainEstimate();
    private Progress previous;
    private Progress last;

    /** Takes a report from TLC. */
    public synchronized void update(Progress p) {
        eta.update(p);
        if (last != null && p.elapsed() != null && last.elapsed() != null
                && p.elapsed().compareTo(last.elapsed()) > 0) {
            previous = last;
        }
        last = p;
    }

    /** Distinct states per second between TLC's last two reports; empty until there are two. */
    public synchronized OptionalLong distinctPerSecond() {
        if (previous == null) {
            return OptionalLong.empty();
        }
        long millis = last.elapsed().minus(previous.elapsed()).toMillis();
        if (millis <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, last.distinctStates() - previous.distinctStates()) * 1000 / millis);
    }

    /**
     * The line at {@code elapsed} into the check, whose last report arrived {@code sinceReport} ago (zero when
     * the line is printed as the report arrives).
     */
    public synchronized String line(String label, Duration elapsed, Duration sinceReport) {
        StringBuilder sb = new StringBuilder("[").append(label).append("] ").append(clock(elapsed));
        if (last == null) {
            return sb.append(" | running; TLC reports state counts about once a minute").toString();
        }
        sb.append(String.format(Locale.ROOT, " | %,d distinct states", last.distinctStates()));
        OptionalLong rate = distinctPerSecond();
        if (rate.isPresent()) {
            sb.append(String.format(Locale.ROOT, " (%,d/s)", rate.getAsLong()));
        }
        sb.append(String.format(Locale.ROOT, " | %,d on queue | depth %d", last.queue(), last.depth()));
        if (sinceReport != null && sinceReport.toSeconds() >= 2) {
            sb.append(" | counts from ").append(ago(sinceReport)).append(" ago");
        }
        eta.describe().ifPresent(left -> sb.append(" | ").append(left));
        return sb.toString();
    }

    /** The elapsed time of the last report, if any. */
    public synchronized Duration lastReportAt() {
        return last == null ? null : last.elapsed();
    }

    static String clock(Duration d) {
        long s = d == null ? 0 : d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String ago(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min";
    }
}
