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
 *                       Pre-vote messages change no spec variable and are not traced, so traces stay valid.
 * @param checkQuorum    a leader that has not heard from a majority within an election timeout steps down;
 *                       off by default. The step-down is not a spec action: traces with it are not valid.
 */
public record RaftConfig(String id, List<String> servers, int electionTicks, int heartbeatTicks, long seed, Bugs bugs,
        boolean preVote, boolean checkQuorum) {

    public RaftConfig(String id, List<String> servers, int electionTicks, int heartbeatTicks, long seed, Bugs bugs) {
        this(id, servers, electionTicks, heartbeatTicks, seed, bugs, false, false);
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
    }

    public static RaftConfig of(String id, List<String> servers, long seed) {
        return new RaftConfig(id, servers, 10, 1, seed, Bugs.NONE);
    }

    public RaftConfig withBugs(Bugs b) {
        return new RaftConfig(id, servers, electionTicks, heartbeatTicks, seed, b, preVote, checkQuorum);
    }

    public RaftConfig withPreVote(boolean on) {
        return new RaftConfig(id, servers, electionTicks, heartbeatTicks, seed, bugs, on, checkQuorum);
    }

    public RaftConfig withCheckQuorum(boolean on) {
        return new RaftConfig(id, servers, electionTicks, heartbeatTicks, seed, bugs, preVote, on);
    }
}
