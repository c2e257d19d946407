package dev.dsverify.raft.core;

/**
 * A state-machine snapshot covering the log up to {@code index} (whose entry had {@code term}). Snapshots are
 * an option outside the Raft spec: runs that use them are never traced.
 */
public record Snapshot(long index, long term, byte[] data) {}
