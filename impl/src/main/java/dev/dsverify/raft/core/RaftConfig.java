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
 */
public record RaftConfig(String id, List<String> servers, int electionTicks, int heartbeatTicks, long seed, Bugs bugs) {
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
        return new RaftConfig(id, servers, electionTicks, heartbeatTicks, seed, b);
    }
}
