package dev.dsverify.raft.kv;

/**
 * The result of one operation: {@code value} is the key's value after a put or a successful cas, the value
 * read by a get, and the previous value for a delete or a failed cas (null: absent). {@code ok} is false
 * only for a cas whose expectation did not hold.
 */
public record KvResult(boolean ok, String value) {}
