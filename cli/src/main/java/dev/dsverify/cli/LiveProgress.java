package dev.dsverify.cli;

import dev.dsverify.runner.report.ProgressText;
import dev.dsverify.runner.Progress;
import dev.dsverify.runner.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows a running check on stderr once it has run for a few seconds. TLC itself reports state counts only
 * once a minute, so the line ticks every second with the elapsed time and the last counts. On a terminal
 * one line is rewritten in place; otherwise (CI logs) a plain line is printed every 30 seconds.
 */
final class LiveProgress implements ProgressListener, AutoCloseable {
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration QUIET_IN_LOGS = Duration.ofSeconds(10);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    private final PrintWriter err;
    private final String label;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private final ProgressText text = new ProgressText();
    private volatile long lastReportNanos;
    private volatile boolean done;
    private int lastWidth;
    private boolean printed;

    LiveProgress(PrintWriter err, String label, boolean interactive) {
        this.err = err;
        this.label = label;
        this.interactive = interactive;
        this.ticker = new Thread(this::tick, "dsverify-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public void progress(Progress p) {
        text.update(p);
        lastReportNanos = System.nanoTime() - start;
    }

    private void tick() {
        long nextLog = QUIET_IN_LOGS.toNanos();
        try {
            Thread.sleep(QUIET.toMillis());
            while (!done) {
                long elapsed = System.nanoTime() - start;
                if (interactive) {
                    show(line(elapsed));
                } else if (elapsed >= nextLog) {
                    synchronized (this) {
                        if (!done) {
                            err.println(line(elapsed));
                            err.flush();
                        }
                    }
                    nextLog = elapsed + LOG_INTERVAL.toNanos();
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void show(String text) {
        if (done) {
            return;
        }
        err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
        err.flush();
        lastWidth = text.length();
        printed = true;
    }

    String line(long elapsedNanos) {
        Duration since = text.lastReportAt() == null ? null : Duration.ofNanos(Math.max(0, elapsedNanos - lastReportNanos));
        return text.line(label, Duration.ofNanos(elapsedNanos), since);
    }

    /** For tests: the report arrived at {@code atNanos} into the check. */
    void progressAt(Progress p, long atNanos) {
        text.update(p);
        lastReportNanos = atNanos;
    }

    @Override
    public synchronized void close() {
        done = true;
        ticker.interrupt();
        if (interactive && printed) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }
}
