package dev.dsverify.cli;

import dev.dsverify.runner.DrainEstimate;
import dev.dsverify.runner.Progress;
import dev.dsverify.runner.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

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
    private volatile Progress last;
    private final DrainEstimate eta = new DrainEstimate();
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
        eta.update(p);
        last = p;
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
        long s = elapsedNanos / 1_000_000_000L;
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        Progress p = last;
        if (p == null) {
            return "[" + label + "] " + clock + " running (TLC reports state counts once a minute)";
        }
        return String.format(Locale.ROOT, "[%s] %s  %,d distinct states (%,d/min), %,d on queue, depth %d",
                label, clock, p.distinctStates(), p.distinctPerMinute(), p.queue(), p.depth())
                + eta.describe().map(left -> ", " + left).orElse("");
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
