package dev.dsverify.runner.report;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Progress;
import dev.dsverify.runner.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows how a long model check is going. On a terminal it keeps one line updated in place (carriage return,
 * padded over the previous text); in a CI log, where carriage returns pile up into one unreadable line, it
 * prints a plain line at most every {@code interval}, so a log of an hour-long check stays short.
 */
public final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private final Consumer<String> lines;
    private final String label;
    private final boolean interactive;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long lastPrinted = Long.MIN_VALUE;
    private int lastWidth;
    private boolean lineOpen;
    private final ProgressText text = new ProgressText();

    public ConsoleProgress(PrintStream out, String label, boolean interactive, Duration interval,
                           LongSupplier nanoClock) {
        this.out = Objects.requireNonNull(out, "out");
        this.lines = out::println;
        this.label = Objects.requireNonNull(label, "label");
        this.interactive = interactive;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Plain lines, at most every {@code interval}, handed to {@code sink} (a build tool's logger, say):
     * for places where another program owns the console.
     */
    public ConsoleProgress(Consumer<String> sink, String label, Duration interval, LongSupplier nanoClock) {
        this.out = null;
        this.lines = Objects.requireNonNull(sink, "sink");
        this.label = Objects.requireNonNull(label, "label");
        this.interactive = false;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Renders to standard error, in place when it is a terminal and no CI variable is set. */
    public static ConsoleProgress forStdErr(String label) {
        return new ConsoleProgress(System.err, label, isInteractiveTerminal(), Duration.ofSeconds(30), System::nanoTime);
    }

    /** True when a person watches: a console is attached and the CI variable most CI systems set is absent. */
    public static boolean isInteractiveTerminal() {
        String ci = System.getenv("CI");
        return System.console() != null && (ci == null || ci.isEmpty() || ci.equals("false"));
    }

    @Override
    public void progress(Progress p) {
        this.text.update(p);
        String text = line(p);
        if (interactive) {
            // Pad over the previous line so a shorter one leaves no stale characters behind.
            String padded = text + " ".repeat(Math.max(0, lastWidth - text.length()));
            out.print("\r" + padded);
            out.flush();
            lastWidth = text.length();
            lineOpen = true;
            return;
        }
        long now = nanoClock.getAsLong();
        if (lastPrinted == Long.MIN_VALUE || now - lastPrinted >= intervalNanos) {
            lines.accept(text);
            lastPrinted = now;
        }
    }

    /** Ends the in-place line when the check ends. */
    @Override
    public void finished(ModelCheckResult result) {
        finish();
    }

    /** Ends the in-place line so that whatever is printed next starts on a fresh line. */
    public void finish() {
        if (interactive && lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }

    /** The shared progress line, printed as the report arrives (so its counts are current). */
    String line(Progress p) {
        return text.line(label, p.elapsed(), Duration.ZERO);
    }
}
