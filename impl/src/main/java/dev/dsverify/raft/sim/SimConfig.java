package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.RaftConfig;
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
 * @param preVote   servers use pre-vote (traced: the contract's pre-vote events)
 * @param checkQuorum leaders step down without a quorum (CheckQuorum)
 * @param snapshotEvery servers snapshot and compact their log every this many applied entries (0: never);
 *                  compaction and InstallSnapshot are spec actions, traced like the others
 * @param tornWrites the schedule also crashes servers inside steps: between a write and its fsync (so recovery
 *                  meets lost, kept and torn writes), after persisting, after sending ({@link CrashPoint}). A
 *                  step's trace lines wait until its state is durable, so these runs can be traced.
 * @param maxAppendEntries most entries a server puts in one AppendEntries ({@link RaftConfig#maxAppendEntries()};
 *                  small values make followers catch up in several requests)
 * @param thinkTicks a client waits between 1 and this many ticks (drawn uniformly from a generator of its own)
 *                  after an answer before its next command (0: none, commands back to back); values above an
 *                  election timeout (10 ticks) leave the cluster idle long enough that only heartbeats keep the
 *                  leader in office
 * @param maxAppendBytes most command bytes a server puts in one AppendEntries, unless it carries a single entry
 *                  ({@link RaftConfig#maxAppendBytes()})
 * @param forgeRate probability that the network delivers, next to a real message, forged copies of it: one for
 *                  each way a message can be malformed ({@link Forgeries}). Each must be refused without a trace
 *                  ({@code ForgedMessageRefused}). Drawn from a generator of its own, so that a run's schedule,
 *                  messages and outcome are the same at every rate; 0 (the default): none
 */
public record SimConfig(long seed, int nodes, int clients, int keys, Bugs bugs, boolean trace, double dropRate,
        double dupRate, double slowRate, boolean preVote, boolean checkQuorum, int snapshotEvery,
        boolean tornWrites, int maxAppendEntries, int thinkTicks, long maxAppendBytes, double forgeRate) {

    public SimConfig(long seed, int nodes, int clients, int keys, Bugs bugs, boolean trace, double dropRate,
            double dupRate, double slowRate, boolean preVote, boolean checkQuorum, int snapshotEvery,
            boolean tornWrites, int maxAppendEntries, int thinkTicks) {
        this(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote, checkQuorum, snapshotEvery,
                tornWrites, maxAppendEntries, thinkTicks, RaftConfig.DEFAULT_MAX_APPEND_BYTES, 0);
    }

    public SimConfig(long seed, int nodes, int clients, int keys, Bugs bugs, boolean trace, double dropRate,
            double dupRate, double slowRate, boolean preVote, boolean checkQuorum, int snapshotEvery,
            boolean tornWrites, int maxAppendEntries) {
        this(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote, checkQuorum, snapshotEvery,
                tornWrites, maxAppendEntries, 0);
    }

    public SimConfig(long seed, int nodes, int clients, int keys, Bugs bugs, boolean trace, double dropRate,
            double dupRate, double slowRate, boolean preVote, boolean checkQuorum, int snapshotEvery,
            boolean tornWrites) {
        this(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote, checkQuorum, snapshotEvery,
                tornWrites, RaftConfig.DEFAULT_MAX_APPEND_ENTRIES);
    }

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
        if (maxAppendEntries < 1) {
            throw new IllegalArgumentException("maxAppendEntries must be >= 1, got " + maxAppendEntries);
        }
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery must be >= 0, got " + snapshotEvery);
        }
        if (thinkTicks < 0) {
            throw new IllegalArgumentException("thinkTicks must be >= 0, got " + thinkTicks);
        }
        if (maxAppendBytes < 1) {
            throw new IllegalArgumentException("maxAppendBytes must be >= 1, got " + maxAppendBytes);
        }
        if (!(forgeRate >= 0 && forgeRate <= 1)) {
            throw new IllegalArgumentException("forgeRate must be in [0, 1], got " + forgeRate);
        }
    }

    /** {@code nodes} servers, three clients on five keys, default fault rates, no options: {@link #builder()}'s defaults. */
    public static SimConfig of(long seed, int nodes) {
        return builder().seed(seed).nodes(nodes).build();
    }

    /**
     * Seventeen fields: build by name. Defaults: seed 0, 3 nodes, 3 clients, 5 keys, no bugs, no trace, drop
     * rate 0.05, duplicate rate 0.03, slow rate 0.05, every option off,
     * AppendEntries bounded as {@link RaftConfig}'s default.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values, to change some of them by name. */
    public Builder toBuilder() {
        return builder().seed(seed).nodes(nodes).clients(clients).keys(keys).bugs(bugs).trace(trace)
                .dropRate(dropRate).dupRate(dupRate).slowRate(slowRate).preVote(preVote).checkQuorum(checkQuorum)
                .snapshotEvery(snapshotEvery).tornWrites(tornWrites).maxAppendEntries(maxAppendEntries)
                .thinkTicks(thinkTicks).maxAppendBytes(maxAppendBytes).forgeRate(forgeRate);
    }

    public SimConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    public SimConfig withBugs(Bugs b) {
        return toBuilder().bugs(b).build();
    }

    public SimConfig withTrace(boolean t) {
        return toBuilder().trace(t).build();
    }

    public SimConfig withPreVote(boolean on) {
        return toBuilder().preVote(on).build();
    }

    public SimConfig withSnapshotEvery(int n) {
        return toBuilder().snapshotEvery(n).build();
    }

    public SimConfig withTornWrites(boolean on) {
        return toBuilder().tornWrites(on).build();
    }

    public SimConfig withCheckQuorum(boolean on) {
        return toBuilder().checkQuorum(on).build();
    }

    /** Named construction of a {@link SimConfig}; {@link #build()} checks the combination like the constructor. */
    public static final class Builder {
        private long seed;
        private int nodes = 3;
        private int clients = 3;
        private int keys = 5;
        private Bugs bugs = Bugs.NONE;
        private boolean trace;
        private double dropRate = 0.05;
        private double dupRate = 0.03;
        private double slowRate = 0.05;
        private boolean preVote;
        private boolean checkQuorum;
        private int snapshotEvery;
        private boolean tornWrites;
        private int maxAppendEntries = RaftConfig.DEFAULT_MAX_APPEND_ENTRIES;
        private int thinkTicks;
        private long maxAppendBytes = RaftConfig.DEFAULT_MAX_APPEND_BYTES;
        private double forgeRate;

        private Builder() {}

        public Builder seed(long v) { seed = v; return this; }
        public Builder nodes(int v) { nodes = v; return this; }
        public Builder clients(int v) { clients = v; return this; }
        public Builder keys(int v) { keys = v; return this; }
        public Builder bugs(Bugs v) { bugs = v; return this; }
        public Builder trace(boolean v) { trace = v; return this; }
        public Builder dropRate(double v) { dropRate = v; return this; }
        public Builder dupRate(double v) { dupRate = v; return this; }
        public Builder slowRate(double v) { slowRate = v; return this; }
        public Builder preVote(boolean v) { preVote = v; return this; }
        public Builder checkQuorum(boolean v) { checkQuorum = v; return this; }
        public Builder snapshotEvery(int v) { snapshotEvery = v; return this; }
        public Builder tornWrites(boolean v) { tornWrites = v; return this; }
        public Builder maxAppendEntries(int v) { maxAppendEntries = v; return this; }
        public Builder thinkTicks(int v) { thinkTicks = v; return this; }
        public Builder maxAppendBytes(long v) { maxAppendBytes = v; return this; }
        public Builder forgeRate(double v) { forgeRate = v; return this; }

        public SimConfig build() {
            return new SimConfig(seed, nodes, clients, keys, bugs, trace, dropRate, dupRate, slowRate, preVote,
                    checkQuorum, snapshotEvery, tornWrites, maxAppendEntries, thinkTicks, maxAppendBytes, forgeRate);
        }
    }

    public static List<String> nodeIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add("n" + i);
        }
        return ids;
    }
}
