package dev.dsverify.raft.core;

/**
 * A leader replaces a lagging follower's log prefix with its snapshot. The trace logs the snapshot by its point
 * ({@code snapshotIndex}, {@code snapshotTerm}); its data is no part of the contract.
 */
public record InstallSnapshotRequest(String from, String to, long term, long clock, Snapshot snapshot, long round)
        implements Message {}
