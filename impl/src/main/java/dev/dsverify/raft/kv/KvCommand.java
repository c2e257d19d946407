package dev.dsverify.raft.kv;

/** A write as it travels through the log: the operation plus the client session it belongs to. */
public record KvCommand(String clientId, long seq, KvOp op) {}
