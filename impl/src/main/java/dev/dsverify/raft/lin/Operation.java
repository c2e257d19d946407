package dev.dsverify.raft.lin;

import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;

/**
 * One client operation as observed from outside: invoked at {@code invoke}, answered at {@code ret} with
 * {@code result}. An operation never answered has {@code result == null} and {@code ret == Long.MAX_VALUE}:
 * it may have taken effect at any point after its invocation, or not at all.
 */
public record Operation(int id, String client, KvOp op, long invoke, long ret, KvResult result) {
    public boolean complete() {
        return result != null;
    }

    public static Operation pending(int id, String client, KvOp op, long invoke) {
        return new Operation(id, client, op, invoke, Long.MAX_VALUE, null);
    }

    public Operation completed(long at, KvResult r) {
        return new Operation(id, client, op, invoke, at, r);
    }
}
