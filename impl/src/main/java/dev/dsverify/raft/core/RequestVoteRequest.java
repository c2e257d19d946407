package dev.dsverify.raft.core;

import java.util.Objects;

/** A candidate asks {@code to} for its vote in {@code term}. */
public record RequestVoteRequest(String from, String to, long term, long clock, long lastLogTerm, long lastLogIndex)
        implements Message {

    /** A request built field by field (four {@code long}s in a row invite swaps); unset numbers are 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of a {@link RequestVoteRequest}; {@code from} and {@code to} are required. */
    public static final class Builder {
        private String from;
        private String to;
        private long term;
        private long clock;
        private long lastLogTerm;
        private long lastLogIndex;

        private Builder() {}

        public Builder from(String v) { from = v; return this; }
        public Builder to(String v) { to = v; return this; }
        public Builder term(long v) { term = v; return this; }
        public Builder clock(long v) { clock = v; return this; }
        public Builder lastLogTerm(long v) { lastLogTerm = v; return this; }
        public Builder lastLogIndex(long v) { lastLogIndex = v; return this; }

        public RequestVoteRequest build() {
            return new RequestVoteRequest(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"),
                    term, clock, lastLogTerm, lastLogIndex);
        }
    }
}
