package dev.dsverify.raft.core;

import java.util.List;

/**
 * A leader replicates {@code entries} (possibly none: a heartbeat) placed after {@code prevLogIndex}.
 * {@code round} is the leader's heartbeat round when it sent the request; the follower echoes it so the
 * leader can confirm read-index requests. It is bookkeeping outside the protocol state and is not traced.
 */
public record AppendEntriesRequest(String from, String to, long term, long clock, long prevLogIndex,
        long prevLogTerm, List<Entry> entries, long commitIndex, long round) implements Message {
    public AppendEntriesRequest {
        entries = List.copyOf(entries);
    }
}
