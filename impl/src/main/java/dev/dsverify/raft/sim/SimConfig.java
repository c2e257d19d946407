package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Bugs;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a simulated run depends on besides its {@link Schedule}. Same config, same schedule: same run,
 * bit for bit.
 *
 * @param seed      the one number that reproduces the run
 * @param nodes     cluster size
 * @param clients   concurrent client sessions
 * @param keys      number of distinct keys the workload touches (fewer keys: more contention)
 * @param bugs      deliberate protocol bugs, for testing the checkers
 * @param trace     record the contract trace of the whole run
 * @param dropRate  probability that a message is lost when DROP is active
 * @param dupRate   probability that a message is duplicated when DUP is active
 * @param slowRate  probability that a message is very slow when DELAY is active
 * @param preVote   servers use pre-vote (traces stay valid: pre-vote messages are not spec messages)
 * @param checkQuorum leaders step down without a quorum (not a spec action: no trace with it)
 * @param snapshotEvery servers snapshot and compact their log every this many applied entries (0: never;
 *                  snapshots are not in the spec: no trace with them)
 * @param tornWrites the schedule also crashes servers in the middle of a write, between the write and its
 *                  fsync, so recovery meets lost and torn WAL tails. The trace would already hold the lost
 *                  steps, which the spec's Restart cannot undo: no trace with them.
 */
public record SimConfig(long seed, int nodes, int clients, int keys, Bugs bugs, boolean trace, double dropRate,
        double dupRate, double slowRate, boolean preVote, boolean checkQuorum, int snapshotEvery,
        boolean tornWrites) {

    public SimConfig(long seed, int nodes, int clients, int keys, Bugs bugs, boolean trace, double dropRate,
            double dupRate, double slowRate, boolean preVote, boolean checkQuorum) {
        this(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote, checkQuorum, 0, false);
    }

    public SimConfig {
        if (nodes < 1 || nodes > 9) {
            throw new IllegalArgumentException("nodes must be 1..9, got " + nodes);
        }
        if (clients < 1 || keys < 1) {
            throw new IllegalArgumentException("need at least one client and one key");
        }
        if (trace && checkQuorum) {
            throw new IllegalArgumentException("check-quorum step-downs are not spec actions; trace runs need it off");
        }
        if (trace && snapshotEvery > 0) {
            throw new IllegalArgumentException("snapshots are not in the spec; trace runs need them off");
        }
        if (trace && tornWrites) {
            throw new IllegalArgumentException("torn-write crashes lose steps the trace already holds; "
                    + "trace runs need them off");
        }
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery must be >= 0, got " + snapshotEvery);
        }
    }

    public static SimConfig of(long seed, int nodes) {
        return new SimConfig(seed, nodes, 3, 5, Bugs.NONE, false, 0.05, 0.03, 0.05, false, false);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(s, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote, checkQuorum, snapshotEvery, tornWrites);
    }

    public SimConfig withBugs(Bugs b) {
        return new SimConfig(seed, nodes, clients, keys, b, trace, dropRate, dupRate, slowRate, preVote, checkQuorum, snapshotEvery, tornWrites);
    }

    public SimConfig withTrace(boolean t) {
        return new SimConfig(seed, nodes, clients, keys, bugs, t, dropRate, dupRate, slowRate, preVote, checkQuorum, snapshotEvery, tornWrites);
    }

    public SimConfig withPreVote(boolean on) {
        return new SimConfig(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, on, checkQuorum, snapshotEvery, tornWrites);
    }

    public SimConfig withSnapshotEvery(int n) {
        return new SimConfig(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote, checkQuorum, n, tornWrites);
    }

    public SimConfig withTornWrites(boolean on) {
        return new SimConfig(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote, checkQuorum,
                snapshotEvery, on);
    }

    public SimConfig withCheckQuorum(boolean on) {
        return new SimConfig(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote, on, snapshotEvery, tornWrites);
    }

    public static List<String> nodeIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add("n" + i);
        }
        return ids;
    }
}
