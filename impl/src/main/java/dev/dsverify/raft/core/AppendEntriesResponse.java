package dev.dsverify.raft.core;

/** The answer to an {@link AppendEntriesRequest}; {@code round} echoes the request's round (not traced). */
public record AppendEntriesResponse(String from, String to, long term, long clock, boolean success,
        long matchIndex, long round) implements Message {}
