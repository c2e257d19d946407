package dev.dsverify.raft.kv;

import dev.dsverify.raft.core.Entry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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

    /** The whole state (map, sessions, applied index) as bytes, for a snapshot. Sorted, so equal states give equal bytes. */
    public byte[] serialize() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeLong(appliedIndex);
            Map<String, String> d = new TreeMap<>(data);
            out.writeInt(d.size());
            for (Map.Entry<String, String> e : d.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            Map<String, Session> ss = new TreeMap<>(sessions);
            out.writeInt(ss.size());
            for (Map.Entry<String, Session> e : ss.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().lastSeq());
                KvResult r = e.getValue().lastResult();
                out.writeBoolean(r.ok());
                out.writeBoolean(r.value() != null);
                if (r.value() != null) {
                    out.writeUTF(r.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    /** Replaces the whole state by a {@link #serialize()}d one. */
    public void restore(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            data.clear();
            sessions.clear();
            appliedIndex = in.readLong();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                data.put(in.readUTF(), in.readUTF());
            }
            int m = in.readInt();
            for (int i = 0; i < m; i++) {
                String client = in.readUTF();
                long seq = in.readLong();
                boolean ok = in.readBoolean();
                String v = in.readBoolean() ? in.readUTF() : null;
                sessions.put(client, new Session(seq, new KvResult(ok, v)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("snapshot of the key-value state is damaged: " + e.getMessage(), e);
        }
    }

    public Map<String, String> snapshotOfData() {
        return Map.copyOf(data);
    }
}
