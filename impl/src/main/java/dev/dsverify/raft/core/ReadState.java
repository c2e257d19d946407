package dev.dsverify.raft.core;

/**
 * The outcome of a read-index request {@code ctx}: when {@code ok}, a read reflecting every write
 * committed before the request may be served once entries up to {@code index} are applied.
 * When not {@code ok}, this server could not confirm its leadership and the client should retry elsewhere.
 */
public record ReadState(long ctx, long index, boolean ok) {}
