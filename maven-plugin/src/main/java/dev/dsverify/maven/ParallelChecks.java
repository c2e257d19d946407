package dev.dsverify.maven;

import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ProgressListener;
import dev.dsverify.runner.report.ModelReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs planned checks, at most {@code parallelism} at a time. Each check is its own TLC JVM, so threads here
 * only wait; the limit keeps the machine from running more TLC processes than it has cores. Results come
 * back in plan order whatever order the checks finish in.
 */
final class ParallelChecks {
    /** How long cancelled checks get to kill their TLC JVMs (a kill takes milliseconds). */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(30);

    private final int parallelism;
    private final BiFunction<ModelCheck, ProgressListener, ModelCheckResult> runner;
    private final Function<PlannedCheck, ProgressListener> listeners;

    ParallelChecks(int parallelism, BiFunction<ModelCheck, ProgressListener, ModelCheckResult> runner,
                   Function<PlannedCheck, ProgressListener> listeners) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.runner = runner;
        this.listeners = listeners;
    }

    /** The number of checks to run at once: the configured value, or the number of cores when not positive. */
    static int effectiveParallelism(int configured, int checks) {
        int n = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(n, Math.max(1, checks)));
    }

    List<ModelReport> run(List<PlannedCheck> checks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "dsverify-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ModelCheckResult>> futures = new ArrayList<>();
            for (PlannedCheck c : checks) {
                futures.add(pool.submit(() -> runner.apply(c.check(), listeners.apply(c))));
            }
            List<ModelReport> out = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                try {
                    out.add(new ModelReport(futures.get(i).get(), checks.get(i).expected()));
                } catch (ExecutionException e) {
                    // ModelChecker reports problems as results; anything thrown is a bug worth its stack trace.
                    throw new IllegalStateException("checking " + checks.get(i).name() + " failed: " + e.getCause(),
                            e.getCause());
                }
            }
            return out;
        } finally {
            // On interrupt (Ctrl-C, build cancelled) the running checks see the interrupt and kill their TLC.
            // Wait for them to have done so: the build must not go on (or end) with TLC JVMs still running.
            pool.shutdownNow();
            boolean interrupted = Thread.interrupted();
            try {
                if (!pool.awaitTermination(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("model checks did not stop within " + CANCEL_GRACE.toSeconds()
                            + " s of being cancelled");
                }
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
