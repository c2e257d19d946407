package dev.dsverify.runner;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A check that runs in the background; see {@link ModelChecker#start(ModelCheck, ProgressListener)}. */
public interface RunningCheck {

    ModelCheck check();

    /** Completes with the result; never completes exceptionally for a check that ran or failed to run. */
    CompletableFuture<ModelCheckResult> result();

    /** Waits for the result. */
    ModelCheckResult await() throws InterruptedException;

    /** Waits at most {@code timeout}; returns null if the check is still running. */
    ModelCheckResult await(Duration timeout) throws InterruptedException;

    /**
     * Kills the TLC process (and only it and its descendants). The result's outcome becomes
     * {@link Outcome#CANCELLED} unless the check had already ended. Idempotent.
     */
    void cancel();

    /** The process id of the TLC JVM (the server in distributed mode), or -1 before it started. */
    long pid();
}
