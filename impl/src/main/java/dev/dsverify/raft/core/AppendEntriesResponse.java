package dev.dsverify.raft.core;

import java.util.Objects;

/**
 * The answer to an {@link AppendEntriesRequest}; {@code round} echoes the request's round (not traced). A rejection
 * carries a hint where the follower's log may first disagree with the request ({@code conflictIndex}, and
 * {@code conflictTerm}, the term of its conflicting entry at prevLogIndex, or 0), so that the leader can move
 * nextIndex back past a whole term at once; a success carries 0 for both.
 */
public record AppendEntriesResponse(String from, String to, long term, long clock, boolean success,
        long matchIndex, long round, long conflictIndex, long conflictTerm) implements Message {

    /** A response without a hint (a success, or a rejection that leaves the leader to probe one step back). */
    public AppendEntriesResponse(String from, String to, long term, long clock, boolean success, long matchIndex,
            long round) {
        this(from, to, term, clock, success, matchIndex, round, 0, 0);
    }

    /** A response built field by field; unset numbers are 0 and {@code success} false. */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of an {@link AppendEntriesResponse}; {@code from} and {@code to} are required. */
    public static final class Builder {
        private String from;
        private String to;
        private long term;
        private long clock;
        private boolean success;
        private long matchIndex;
        private long round;
        private long conflictIndex;
        private long conflictTerm;

        private Builder() {}

        public Builder from(String v) { from = v; return this; }
        public Builder to(String v) { to = v; return this; }
        public Builder term(long v) { term = v; return this; }
        public Builder clock(long v) { clock = v; return this; }
        public Builder success(boolean v) { success = v; return this; }
        public Builder matchIndex(long v) { matchIndex = v; return this; }
        public Builder round(long v) { round = v; return this; }
        public Builder conflictIndex(long v) { conflictIndex = v; return this; }
        public Builder conflictTerm(long v) { conflictTerm = v; return this; }

        public AppendEntriesResponse build() {
            return new AppendEntriesResponse(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"),
                    term, clock, success, matchIndex, round, conflictIndex, conflictTerm);
        }
    }
}
