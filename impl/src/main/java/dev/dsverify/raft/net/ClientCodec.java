package dev.dsverify.raft.net;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;

/**
 * Binary layout of the client protocol (payloads of {@link FrameKind#CLIENT_REQUEST} and
 * {@link FrameKind#CLIENT_REPLY} frames), in the string and number encoding of {@link MessageCodec}:
 *
 * <pre>
 * request := clientId:str  seq:i64  attempt:i64  op:u8  key:str  args
 *            op 1 put value:str | 2 get | 3 delete | 4 cas expected:str value:str
 * reply   := clientId:str  seq:i64  attempt:i64  status:u8 (0 OK, 1 NOT_LEADER, 2 RETRY)
 *            leaderHint:str|null  hasResult:bool  [ok:bool  value:str|null]
 * </pre>
 */
public final class ClientCodec {
    /** Longest client id accepted: sessions are kept per id, so ids must stay small. */
    public static final int MAX_CLIENT_ID_CHARS = 255;

    private ClientCodec() {}

    public static byte[] encodeRequest(ClientRequest q) {
        WireWriter w = new WireWriter().str(q.clientId()).i64(q.seq()).i64(q.attempt());
        KvOp op = q.op();
        if (op instanceof KvOp.Put p) {
            w.u8(1).str(p.key()).str(p.value());
        } else if (op instanceof KvOp.Get g) {
            w.u8(2).str(g.key());
        } else if (op instanceof KvOp.Delete d) {
            w.u8(3).str(d.key());
        } else if (op instanceof KvOp.Cas c) {
            w.u8(4).str(c.key()).str(c.expected()).str(c.value());
        }
        return w.toBytes();
    }

    public static ClientRequest decodeRequest(byte[] payload) throws BadFrameException {
        WireReader r = new WireReader(payload);
        String client = r.nonNullStr("clientId");
        if (client.length() > MAX_CLIENT_ID_CHARS) {
            throw new BadFrameException("field clientId: " + client.length() + " characters, at most "
                    + MAX_CLIENT_ID_CHARS);
        }
        long seq = r.counter("seq");
        long attempt = r.counter("attempt");
        int op = r.u8("op");
        String key = r.nonNullStr("key");
        KvOp o = switch (op) {
            case 1 -> new KvOp.Put(key, r.nonNullStr("value"));
            case 2 -> new KvOp.Get(key);
            case 3 -> new KvOp.Delete(key);
            case 4 -> new KvOp.Cas(key, r.nonNullStr("expected"), r.nonNullStr("value"));
            default -> throw new BadFrameException("unknown client operation " + op);
        };
        r.end("client request");
        return new ClientRequest(client, seq, attempt, o);
    }

    public static byte[] encodeReply(ClientReply p) {
        WireWriter w = new WireWriter().str(p.clientId()).i64(p.seq()).i64(p.attempt())
                .u8(p.status().ordinal()).str(p.leaderHint()).bool(p.result() != null);
        if (p.result() != null) {
            w.bool(p.result().ok()).str(p.result().value());
        }
        return w.toBytes();
    }

    public static ClientReply decodeReply(byte[] payload) throws BadFrameException {
        WireReader r = new WireReader(payload);
        String client = r.nonNullStr("clientId");
        long seq = r.counter("seq");
        long attempt = r.counter("attempt");
        int s = r.u8("status");
        if (s >= ClientReply.Status.values().length) {
            throw new BadFrameException("field status: unknown status " + s);
        }
        String hint = r.str("leaderHint");
        KvResult result = r.bool("hasResult") ? new KvResult(r.bool("ok"), r.str("value")) : null;
        r.end("client reply");
        return new ClientReply(client, seq, attempt, ClientReply.Status.values()[s], hint, result);
    }
}
