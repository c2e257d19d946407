package dev.dsverify.raft.core;

/**
 * A state-machine snapshot covering the log up to {@code index} (whose entry had {@code term}): the spec's
 * snapshot point ({@code snapshotIndex}) with the state machine built from the entries it replaces.
 */
public record Snapshot(long index, long term, byte[] data) {}
