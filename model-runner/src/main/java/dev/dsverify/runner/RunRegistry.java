package dev.dsverify.runner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks running in this JVM, so that none outlives it. When the JVM shuts down (SIGTERM, SIGINT,
 * {@code System.exit}, the end of a Maven build), a shutdown hook kills every check's TLC JVMs with their
 * descendants and deletes the checks' temporary directories. A JVM that dies without running hooks (SIGKILL)
 * is covered by the TLC JVMs themselves: each exits when the pipe from its parent closes (see
 * {@link dev.dsverify.runner.fork.TlcMain}).
 */
final class RunRegistry {
    private static final Object LOCK = new Object();
    private static final Set<CheckRun> RUNNING = new LinkedHashSet<>();
    private static boolean hookInstalled;
    private static boolean shuttingDown;

    private RunRegistry() {
    }

    /** Records a run; false when the JVM is already shutting down, and the run must not start TLC. */
    static boolean register(CheckRun run) {
        synchronized (LOCK) {
            if (shuttingDown) {
                return false;
            }
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(RunRegistry::shutdown, "dsverify-shutdown"));
                hookInstalled = true;
            }
            RUNNING.add(run);
            return true;
        }
    }

    static void unregister(CheckRun run) {
        synchronized (LOCK) {
            RUNNING.remove(run);
        }
    }

    private static void shutdown() {
        List<CheckRun> runs;
        synchronized (LOCK) {
            shuttingDown = true;
            runs = List.copyOf(RUNNING);
        }
        // Kill every TLC JVM first, then wait for them and delete the directories they were writing to.
        runs.forEach(CheckRun::killForShutdown);
        runs.forEach(CheckRun::cleanUpAfterShutdown);
    }
}
