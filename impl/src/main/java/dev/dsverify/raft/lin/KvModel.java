package dev.dsverify.raft.lin;

import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import java.util.Objects;

/** The sequential specification of one key: what each operation returns and leaves behind. */
final class KvModel {
    /** Sentinel for "this operation cannot be placed here". */
    static final Object REFUSED = new Object();

    private KvModel() {}

    /**
     * Applies {@code o} to a key holding {@code value} (null: absent). Returns the new value, or {@link #REFUSED}
     * when the observed result contradicts the model. An unanswered operation accepts any outcome.
     */
    static Object step(Operation o, String value) {
        KvOp op = o.op();
        KvResult r = o.result();
        if (op instanceof KvOp.Put p) {
            return r == null || (r.ok() && Objects.equals(r.value(), p.value())) ? p.value() : REFUSED;
        } else if (op instanceof KvOp.Get) {
            return r == null || (r.ok() && Objects.equals(r.value(), value)) ? value : REFUSED;
        } else if (op instanceof KvOp.Delete) {
            return r == null || (r.ok() && Objects.equals(r.value(), value)) ? null : REFUSED;
        } else {
            KvOp.Cas c = (KvOp.Cas) op;
            boolean swaps = c.expected().equals(value);
            if (r == null) {
                return swaps ? c.value() : value;
            }
            if (swaps) {
                return r.ok() && Objects.equals(r.value(), c.value()) ? c.value() : REFUSED;
            }
            return !r.ok() && Objects.equals(r.value(), value) ? value : REFUSED;
        }
    }
}
