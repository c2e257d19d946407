package dev.dsverify.raft.core;

import java.util.List;
import java.util.Objects;

/**
 * A leader replicates {@code entries} (possibly none: a heartbeat) placed after {@code prevLogIndex}.
 * {@code round} is the leader's heartbeat round when it sent the request; the follower echoes it so the
 * leader can confirm read-index requests. It is bookkeeping outside the protocol state and is not traced.
 *
 * <p>Nine fields, six of them {@code long}: build it by name with {@link #builder()} wherever the values are
 * written out by hand, so that a term cannot silently take the place of an index.
 */
public record AppendEntriesRequest(String from, String to, long term, long clock, long prevLogIndex,
        long prevLogTerm, List<Entry> entries, long commitIndex, long round) implements Message {
    public AppendEntriesRequest {
        entries = List.copyOf(entries);
    }

    /** A request built field by field; unset numbers are 0 and unset entries empty (a heartbeat at index 0). */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of an {@link AppendEntriesRequest}; {@code from} and {@code to} are required. */
    public static final class Builder {
        private String from;
        private String to;
        private long term;
        private long clock;
        private long prevLogIndex;
        private long prevLogTerm;
        private List<Entry> entries = List.of();
        private long commitIndex;
        private long round;

        private Builder() {}

        public Builder from(String v) { from = v; return this; }
        public Builder to(String v) { to = v; return this; }
        public Builder term(long v) { term = v; return this; }
        public Builder clock(long v) { clock = v; return this; }
        public Builder prevLogIndex(long v) { prevLogIndex = v; return this; }
        public Builder prevLogTerm(long v) { prevLogTerm = v; return this; }
        /** Both halves of the consistency check at once: the entry at {@code index} has {@code term}. */
        public Builder prevLog(long index, long term) { prevLogIndex = index; prevLogTerm = term; return this; }
        public Builder entries(List<Entry> v) { entries = v; return this; }
        public Builder entries(Entry... v) { entries = List.of(v); return this; }
        public Builder commitIndex(long v) { commitIndex = v; return this; }
        public Builder round(long v) { round = v; return this; }

        public AppendEntriesRequest build() {
            return new AppendEntriesRequest(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"),
                    term, clock, prevLogIndex, prevLogTerm, entries, commitIndex, round);
        }
    }
}
