package dev.dsverify.raft.sim;

import java.util.Set;

/** One scheduled fault; times are simulated microseconds. */
public sealed interface Fault permits Fault.Partition, Fault.Crash, Fault.Pause, Fault.Skew {
    String describe();

    /**
     * Messages from {@code a} to {@code b} are lost for every {@code "a>b"} in {@code cut}, between
     * {@code at} and {@code until}.
     */
    record Partition(long at, long until, Set<String> cut, String shape) implements Fault {
        public String describe() {
            return String.format("%8.3fs..%8.3fs  partition %s", at / 1e6, until / 1e6, shape);
        }
    }

    /**
     * {@code node} crashes and restarts from its storage at {@code restartAt}. A crash {@link CrashPoint#BETWEEN_STEPS
     * between steps} strikes at {@code at}; one inside a step waits from {@code at} for the node to reach its
     * {@code point} and strikes there (if the node does not before {@code restartAt}, the crash never happens).
     */
    record Crash(String node, long at, long restartAt, CrashPoint point) implements Fault {
        /** A crash between steps, or ({@code torn}) between a write and its fsync. */
        public Crash(String node, long at, long restartAt, boolean torn) {
            this(node, at, restartAt, torn ? CrashPoint.WRITE_FSYNC : CrashPoint.BETWEEN_STEPS);
        }

        /** Strikes between a write and its fsync (the disk decides what survives). */
        public boolean torn() {
            return point == CrashPoint.WRITE_FSYNC;
        }

        /** Strikes inside a step rather than between two. */
        public boolean inStep() {
            return point != CrashPoint.BETWEEN_STEPS;
        }

        public String describe() {
            return String.format("%8.3fs..%8.3fs  %s %s", at / 1e6, restartAt / 1e6, point.description(), node);
        }
    }

    /** {@code node} takes no step between {@code at} and {@code until}. */
    record Pause(String node, long at, long until) implements Fault {
        public String describe() {
            return String.format("%8.3fs..%8.3fs  pause %s", at / 1e6, until / 1e6, node);
        }
    }

    /** {@code node}'s clock runs at {@code rate} times real time for the whole run. */
    record Skew(String node, double rate) implements Fault {
        public String describe() {
            return String.format("   whole run          clock of %s runs at %.2fx", node, rate);
        }
    }
}
