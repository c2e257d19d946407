package dev.dsverify.raft.core;

/**
 * Always-on checks of what the core relies on (TigerBeetle style: cheap, never compiled out, no {@code -ea}
 * needed). A failed check is a bug in the core or a driver that broke the Ready contract, never bad input:
 * input the core cannot accept is refused before any check can see it. The message is built only on failure.
 */
final class Check {
    private Check() {}

    static void that(boolean ok, String what) {
        if (!ok) {
            throw fail(what);
        }
    }

    /** {@code what} is a format with two {@code %d} for the values compared. */
    static void that(boolean ok, String what, long a, long b) {
        if (!ok) {
            throw fail(String.format(what, a, b));
        }
    }

    private static IllegalStateException fail(String what) {
        return new IllegalStateException("raft core invariant violated: " + what);
    }
}
