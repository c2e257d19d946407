package dev.dsverify.raft.core;

/**
 * The answer to a {@link PreVoteRequest}; {@code term} is the asked-for term when granted, the voter's own when
 * refused. The spec's PreVoteResponse.
 */
public record PreVoteResponse(String from, String to, long term, long clock, boolean voteGranted) implements Message {
}
