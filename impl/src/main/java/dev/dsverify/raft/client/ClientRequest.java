package dev.dsverify.raft.client;

import dev.dsverify.raft.kv.KvOp;

/**
 * A client's request to a server. {@code seq} numbers the client's operations (a retry keeps it);
 * {@code attempt} tells a retry's reply from a stale one.
 */
public record ClientRequest(String clientId, long seq, long attempt, KvOp op) {}
