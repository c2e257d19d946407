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
     * {@code node} crashes at {@code at} and restarts from its storage at {@code restartAt}. A {@code torn}
     * crash waits for the node's next write and strikes between the write and its fsync.
     */
    record Crash(String node, long at, long restartAt, boolean torn) implements Fault {
        public String describe() {
            return String.format("%8.3fs..%8.3fs  %s %s", at / 1e6, restartAt / 1e6,
                    torn ? "crash during a write (torn WAL tail)" : "crash", node);
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
