package dev.dsverify.raft.kv;

/** An operation on the key-value store; every operation touches exactly one key. */
public sealed interface KvOp permits KvOp.Put, KvOp.Get, KvOp.Delete, KvOp.Cas {
    String key();

    /** Sets {@code key} to {@code value}. */
    record Put(String key, String value) implements KvOp {}

    /** Reads {@code key}; served by read index, not through the log. */
    record Get(String key) implements KvOp {}

    /** Removes {@code key}. */
    record Delete(String key) implements KvOp {}

    /** Sets {@code key} to {@code value} only if it currently holds {@code expected}. */
    record Cas(String key, String expected, String value) implements KvOp {}
}
