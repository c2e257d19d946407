package dev.dsverify.raft.kv;

import dev.dsverify.raft.core.Entry;
import java.util.HashMap;
import java.util.Map;

/**
 * The replicated key-value map plus client sessions. Applying the same log gives the same map on every
 * server. A session remembers each client's last sequence number and its result: a command retried after
 * a lost reply is recognised and answered from the cache instead of being applied twice.
 */
public final class KvStateMachine {
    private final Map<String, String> data = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private long appliedIndex;

    private record Session(long lastSeq, KvResult lastResult) {}

    /** The outcome of applying one entry: the command (null for a no-op) and its result. */
    public record Applied(long index, Entry entry, KvCommand command, KvResult result, boolean duplicate) {}

    public Applied apply(long index, Entry e) {
        if (index != appliedIndex + 1) {
            throw new IllegalStateException("applying index " + index + " after " + appliedIndex);
        }
        appliedIndex = index;
        if (e.isNoop()) {
            return new Applied(index, e, null, null, false);
        }
        KvCommand c = KvCodec.decode(e.data());
        Session s = sessions.get(c.clientId());
        if (s != null && c.seq() <= s.lastSeq()) {
            return new Applied(index, e, c, s.lastResult(), true);
        }
        KvResult r = execute(c.op());
        sessions.put(c.clientId(), new Session(c.seq(), r));
        return new Applied(index, e, c, r, false);
    }

    private KvResult execute(KvOp op) {
        if (op instanceof KvOp.Put p) {
            data.put(p.key(), p.value());
            return new KvResult(true, p.value());
        } else if (op instanceof KvOp.Get g) {
            return new KvResult(true, data.get(g.key()));
        } else if (op instanceof KvOp.Delete d) {
            return new KvResult(true, data.remove(d.key()));
        } else {
            KvOp.Cas c = (KvOp.Cas) op;
            String cur = data.get(c.key());
            if (c.expected().equals(cur)) {
                data.put(c.key(), c.value());
                return new KvResult(true, c.value());
            }
            return new KvResult(false, cur);
        }
    }

    /** A read served locally, valid once the read index has been applied. */
    public KvResult read(String key) {
        return new KvResult(true, data.get(key));
    }

    /** The cached result if this client's command {@code seq} was already applied, else null. */
    public KvResult cached(String clientId, long seq) {
        Session s = sessions.get(clientId);
        return s != null && s.lastSeq() == seq ? s.lastResult() : null;
    }

    public long appliedIndex() {
        return appliedIndex;
    }

    public Map<String, String> snapshotOfData() {
        return Map.copyOf(data);
    }
}
