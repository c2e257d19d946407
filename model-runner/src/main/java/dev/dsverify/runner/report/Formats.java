package dev.dsverify.runner.report;

import java.time.Duration;
import java.util.Locale;

/** Number and duration formats shared by the reports, so the HTML, JUnit and console agree. */
final class Formats {
    private Formats() {
    }

    /** 1,234,567; "—" for the -1 TLC leaves when it did not report a count. */
    static String count(long n) {
        return n < 0 ? "\u2014" : String.format(Locale.ROOT, "%,d", n);
    }

    /** Same as {@link #count(long)} but with "-" for places that must stay ASCII (console, XML). */
    static String countAscii(long n) {
        return n < 0 ? "-" : String.format(Locale.ROOT, "%,d", n);
    }

    /** 850 ms, 12.3 s, 4 min 05 s, 1 h 02 min. */
    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Seconds with millisecond precision, as JUnit XML wants. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d == null ? 0.0 : d.toMillis() / 1000.0);
    }
}
