package dev.dsverify.raft.core;

/**
 * Would {@code to} vote for {@code from} in {@code term} (one more than the sender's current term)? Asking
 * changes no one's term, so a server cut off from the cluster cannot disrupt it when it comes back.
 * The spec's PreVoteRequest: traced by RequestPreVote and HandlePreVoteRequest.
 */
public record PreVoteRequest(String from, String to, long term, long clock, long lastLogTerm, long lastLogIndex)
        implements Message {
}
