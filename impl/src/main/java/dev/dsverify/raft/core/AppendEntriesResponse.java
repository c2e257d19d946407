package dev.dsverify.raft.core;

import java.util.Objects;

/** The answer to an {@link AppendEntriesRequest}; {@code round} echoes the request's round (not traced). */
public record AppendEntriesResponse(String from, String to, long term, long clock, boolean success,
        long matchIndex, long round) implements Message {

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

        private Builder() {}

        public Builder from(String v) { from = v; return this; }
        public Builder to(String v) { to = v; return this; }
        public Builder term(long v) { term = v; return this; }
        public Builder clock(long v) { clock = v; return this; }
        public Builder success(boolean v) { success = v; return this; }
        public Builder matchIndex(long v) { matchIndex = v; return this; }
        public Builder round(long v) { round = v; return this; }

        public AppendEntriesResponse build() {
            return new AppendEntriesResponse(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"),
                    term, clock, success, matchIndex, round);
        }
    }
}
