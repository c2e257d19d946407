package dev.dsverify.maven;

import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ProgressListener;
import dev.dsverify.runner.report.ModelReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs planned checks, at most {@code parallelism} at a time. Each check is its own TLC JVM, so threads here
 * only wait; the limit keeps the machine from running more TLC processes than it has cores. Results come
 * back in plan order whatever order the checks finish in.
 */
final class ParallelChecks {
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
            pool.shutdownNow();
        }
    }
}
