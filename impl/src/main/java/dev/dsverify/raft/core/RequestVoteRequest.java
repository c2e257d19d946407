package dev.dsverify.raft.core;

/** A candidate asks {@code to} for its vote in {@code term}. */
public record RequestVoteRequest(String from, String to, long term, long clock, long lastLogTerm, long lastLogIndex)
        implements Message {}
