package dev.dsverify.runner.tlc;

import dev.dsverify.runner.Progress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses TLC's progress messages (2200 in model checking, 2209 in simulation). */
public final class ProgressLine {
    private static final Pattern DEPTH = Pattern.compile("Progress\\((-?\\d+)\\)");
    private static final Pattern GENERATED = Pattern.compile("(-?[\\d,]+) states generated(?: \\(([\\d,]+) s/min\\))?");
    private static final Pattern DISTINCT = Pattern.compile("(-?[\\d,]+) distinct states found(?: \\(([\\d,]+) ds/min\\))?");
    private static final Pattern QUEUE = Pattern.compile("(-?[\\d,]+) states left on queue");

    private ProgressLine() {
    }

    /** Returns null when the text is not a progress report. */
    public static Progress parse(String text, Duration elapsed) {
        Matcher d = DEPTH.matcher(text);
        Matcher g = GENERATED.matcher(text);
        Matcher ds = DISTINCT.matcher(text);
        Matcher q = QUEUE.matcher(text);
        if (!(d.find() && g.find() && ds.find() && q.find())) {
            return null;
        }
        return new Progress(number(d.group(1)), number(g.group(1)), number(ds.group(1)), number(q.group(1)),
                number(g.group(2)), number(ds.group(2)), elapsed);
    }

    static long number(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Long.parseLong(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
