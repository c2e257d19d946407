package dev.dsverify.raft.client;

import dev.dsverify.raft.kv.KvResult;

/**
 * A server's answer. {@code NOT_LEADER}: try {@code leaderHint} (may be null: unknown). {@code RETRY}:
 * the outcome is unknown here (leadership was lost while the command was pending); retrying with the same
 * sequence number is safe because sessions deduplicate.
 */
public record ClientReply(String clientId, long seq, long attempt, Status status, String leaderHint, KvResult result) {
    public enum Status {
        OK,
        NOT_LEADER,
        RETRY
    }
}
