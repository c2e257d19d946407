package dev.dsverify.runner;

/**
 * Receives what a running check reports, on the thread that reads TLC's output. Implementations must be
 * quick and must not throw; every method has an empty default.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** The TLC process has been started. */
    default void started(ModelCheck check) {
    }

    /** TLC printed a progress report (every minute, and once at the end). */
    default void progress(Progress progress) {
    }

    /** Every framed message TLC printed, in order; useful for logs. */
    default void message(TlcMessage message) {
    }

    /** The check has ended; called exactly once, also after a cancel or timeout. */
    default void finished(ModelCheckResult result) {
    }
}
