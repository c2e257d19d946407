package dev.dsverify.raft.core;

import java.util.List;

/**
 * Static configuration of one server.
 *
 * @param id             this server's id
 * @param servers        every server of the cluster, this one included, in a fixed order
 * @param electionTicks  minimum election timeout in ticks; each timeout is drawn from [electionTicks, 2*electionTicks)
 * @param heartbeatTicks ticks between a leader's heartbeats; must be well below electionTicks
 * @param seed           seed of the randomness that draws election timeouts
 * @param bugs           deliberate bugs for testing checkers ({@link Bugs#NONE} in production)
 * @param preVote        ask for pre-votes before starting an election (thesis section 9.6); off by default.
 *                       Traced with the contract's pre-vote events (PreVote, RequestPreVote, HandlePreVoteRequest,
 *                       HandlePreVoteResponse), which Raft.tla explains.
 * @param checkQuorum    a leader that has not heard from a majority within an election timeout steps down;
 *                       off by default. The step-down is not a spec action: traces with it are not valid.
 * @param maxAppendEntries most entries one AppendEntries carries (at least 1); a peer far behind catches up over
 *                       several requests, each sent when the previous one is answered
 * @param maxAppendBytes most command bytes one AppendEntries carries (at least 1); a single entry larger than
 *                       this still goes, alone, so that replication never stalls on it
 */
public record RaftConfig(String id, List<String> servers, int electionTicks, int heartbeatTicks, long seed, Bugs bugs,
        boolean preVote, boolean checkQuorum, int maxAppendEntries, long maxAppendBytes) {

    /** Default bound of {@link #maxAppendEntries()}. */
    public static final int DEFAULT_MAX_APPEND_ENTRIES = 64;
    /** Default bound of {@link #maxAppendBytes()}: 1 MiB. */
    public static final long DEFAULT_MAX_APPEND_BYTES = 1 << 20;

    public RaftConfig(String id, List<String> servers, int electionTicks, int heartbeatTicks, long seed, Bugs bugs) {
        this(id, servers, electionTicks, heartbeatTicks, seed, bugs, false, false);
    }

    public RaftConfig(String id, List<String> servers, int electionTicks, int heartbeatTicks, long seed, Bugs bugs,
            boolean preVote, boolean checkQuorum) {
        this(id, servers, electionTicks, heartbeatTicks, seed, bugs, preVote, checkQuorum, DEFAULT_MAX_APPEND_ENTRIES,
                DEFAULT_MAX_APPEND_BYTES);
    }

    public RaftConfig {
        servers = List.copyOf(servers);
        if (!servers.contains(id)) {
            throw new IllegalArgumentException("server list " + servers + " does not contain " + id);
        }
        if (electionTicks < 2 || heartbeatTicks < 1 || heartbeatTicks >= electionTicks) {
            throw new IllegalArgumentException("need 1 <= heartbeatTicks < electionTicks, got "
                    + heartbeatTicks + " and " + electionTicks);
        }
        if (maxAppendEntries < 1 || maxAppendBytes < 1) {
            throw new IllegalArgumentException("an AppendEntries must be allowed at least one entry and one byte, got "
                    + maxAppendEntries + " entries and " + maxAppendBytes + " bytes");
        }
    }

    public static RaftConfig of(String id, List<String> servers, long seed) {
        return new RaftConfig(id, servers, 10, 1, seed, Bugs.NONE);
    }

    public RaftConfig withBugs(Bugs b) {
        return new RaftConfig(id, servers, electionTicks, heartbeatTicks, seed, b, preVote, checkQuorum, maxAppendEntries,
                maxAppendBytes);
    }

    public RaftConfig withPreVote(boolean on) {
        return new RaftConfig(id, servers, electionTicks, heartbeatTicks, seed, bugs, on, checkQuorum, maxAppendEntries,
                maxAppendBytes);
    }

    public RaftConfig withCheckQuorum(boolean on) {
        return new RaftConfig(id, servers, electionTicks, heartbeatTicks, seed, bugs, preVote, on, maxAppendEntries,
                maxAppendBytes);
    }

    /** The same configuration with AppendEntries bounded to {@code entries} entries and {@code bytes} command bytes. */
    public RaftConfig withMaxAppend(int entries, long bytes) {
        return new RaftConfig(id, servers, electionTicks, heartbeatTicks, seed, bugs, preVote, checkQuorum, entries,
                bytes);
    }
}
