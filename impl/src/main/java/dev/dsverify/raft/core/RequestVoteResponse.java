package dev.dsverify.raft.core;

/** The answer to a {@link RequestVoteRequest}. */
public record RequestVoteResponse(String from, String to, long term, long clock, boolean voteGranted)
        implements Message {}
