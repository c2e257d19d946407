package dev.dsverify.runner;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs model checks, each in its own forked TLC JVM.
 *
 * <pre>{@code
 * ModelCheck check = ModelCheck.builder(Path.of("specs/twophase/TwoPhase.tla"))
 *         .config(Path.of("specs/twophase/TwoPhase.cfg"))
 *         .timeout(Duration.ofMinutes(5))
 *         .build();
 * ModelCheckResult result = new ModelChecker().run(check, ProgressListener.NONE);
 * }</pre>
 *
 * <p>A run never throws for a bad model: a missing spec, an unreadable cfg, a parse error and a crashed TLC
 * all come back as results with the matching {@link Outcome}. Instances are immutable and thread-safe; checks
 * may run concurrently (each has its own metadir and temp directory).
 */
public final class ModelChecker {
    private final TlcRuntime runtime;
    private final Path tempRoot;

    /** Starts TLC with this JVM's java and TLC from this JVM's classpath. */
    public ModelChecker() {
        this(TlcRuntime.current(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param runtime  java executable and classpath for the TLC JVMs
     * @param tempRoot where each run's temporary directory (metadir, java.io.tmpdir, generated cfg) goes
     */
    public ModelChecker(TlcRuntime runtime, Path tempRoot) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.tempRoot = Objects.requireNonNull(tempRoot, "tempRoot");
    }

    public TlcRuntime runtime() {
        return runtime;
    }

    public ModelCheckResult run(ModelCheck check) {
        return run(check, ProgressListener.NONE);
    }

    /**
     * Runs a check and waits for it. If the calling thread is interrupted, the TLC process is killed, the
     * result is {@link Outcome#CANCELLED} and the thread's interrupt flag is set again.
     */
    public ModelCheckResult run(ModelCheck check, ProgressListener listener) {
        RunningCheck running = start(check, listener);
        try {
            return running.await();
        } catch (InterruptedException e) {
            running.cancel();
            Thread.currentThread().interrupt();
            return running.result().join();
        }
    }

    /** Starts a check in the background. */
    public RunningCheck start(ModelCheck check, ProgressListener listener) {
        CheckRun run = new CheckRun(check, runtime, tempRoot, listener == null ? ProgressListener.NONE : listener);
        run.start();
        return run;
    }
}
