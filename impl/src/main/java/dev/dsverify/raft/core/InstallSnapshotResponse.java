package dev.dsverify.raft.core;

/** The answer to an {@link InstallSnapshotRequest}: the follower now holds the log up to {@code matchIndex}. */
public record InstallSnapshotResponse(String from, String to, long term, long clock, boolean success, long matchIndex,
        long round) implements Message {}
