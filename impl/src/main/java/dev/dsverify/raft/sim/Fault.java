package dev.dsverify.raft.sim;

import java.util.Set;

/** One scheduled fault; times are simulated microseconds. */
public sealed interface Fault permits Fault.Partition, Fault.Crash, Fault.Pause, Fault.Skew,
        Fault.Network, Fault.IsolateLeader {
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

    // --- swarm testing: a seed's own message fault rates, and partitions aimed at the leader

    /**
     * The message fault rates of the whole run (until the faults stop), replacing {@link SimConfig}'s: each message
     * is lost with probability {@code drop}, duplicated with {@code dup}, and with {@code slow} takes up to
     * {@code slowMax} microseconds longer (longer than an election timeout when above 100 ms). A rate counts only
     * while its kind is active in the schedule's types.
     */
    record Network(double drop, double dup, double slow, long slowMax) implements Fault {
        public Network {
            if (!(drop >= 0 && drop < 1 && dup >= 0 && dup < 1 && slow >= 0 && slow <= 1)) {
                throw new IllegalArgumentException("rates must be in [0, 1), got drop " + drop + ", dup " + dup
                        + ", slow " + slow);
            }
            if (slowMax < 20_000L) {
                throw new IllegalArgumentException("a slow message's extra delay reaches at least 20 ms, got "
                        + slowMax + " us");
            }
        }

        public String describe() {
            return String.format("   whole run          messages: drop %.1f%%, duplicate %.1f%%, slow %.1f%% (up to %d ms)",
                    drop * 100, dup * 100, slow * 100, slowMax / 1000);
        }
    }

    /**
     * At {@code at}, whoever leads then (else the server with the highest term) is cut off from every other server,
     * both ways, until {@code until}.
     */
    record IsolateLeader(long at, long until) implements Fault {
        public String describe() {
            return String.format("%8.3fs..%8.3fs  partition isolating the leader", at / 1e6, until / 1e6);
        }
    }
}
