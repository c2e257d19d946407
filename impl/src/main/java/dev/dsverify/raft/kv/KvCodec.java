package dev.dsverify.raft.kv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes commands as readable text so trace lines show them: {@code op client seq key [args]}, each string
 * written as {@code <length>:<chars>} so any character may appear in keys and values.
 * Example: {@code put 2:c1 7 1:x 3:abc}.
 */
public final class KvCodec {
    private KvCodec() {}

    public static byte[] encode(KvCommand c) {
        StringBuilder sb = new StringBuilder();
        KvOp op = c.op();
        String name = op instanceof KvOp.Put ? "put" : op instanceof KvOp.Get ? "get"
                : op instanceof KvOp.Delete ? "del" : "cas";
        sb.append(name).append(' ');
        str(sb, c.clientId()).append(' ').append(c.seq()).append(' ');
        str(sb, op.key());
        if (op instanceof KvOp.Put p) {
            str(sb.append(' '), p.value());
        } else if (op instanceof KvOp.Cas cas) {
            str(sb.append(' '), cas.expected());
            str(sb.append(' '), cas.value());
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder str(StringBuilder sb, String s) {
        return sb.append(s.length()).append(':').append(s);
    }

    public static KvCommand decode(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        int[] pos = {0};
        String op = word(s, pos);
        String client = string(s, pos);
        long seq = Long.parseLong(word(s, pos));
        String key = string(s, pos);
        KvOp o = switch (op) {
            case "put" -> new KvOp.Put(key, string(s, pos));
            case "get" -> new KvOp.Get(key);
            case "del" -> new KvOp.Delete(key);
            case "cas" -> new KvOp.Cas(key, string(s, pos), string(s, pos));
            default -> throw new IllegalArgumentException("unknown command '" + op + "' in '" + s + "'");
        };
        return new KvCommand(client, seq, o);
    }

    private static String word(String s, int[] pos) {
        int end = s.indexOf(' ', pos[0]);
        if (end < 0) {
            end = s.length();
        }
        String w = s.substring(pos[0], end);
        pos[0] = end + 1;
        return w;
    }

    private static String string(String s, int[] pos) {
        int colon = s.indexOf(':', pos[0]);
        int len = Integer.parseInt(s.substring(pos[0], colon));
        String v = s.substring(colon + 1, colon + 1 + len);
        pos[0] = colon + 1 + len + 1;
        return v;
    }

    /** Splits helper for tests and tools. */
    static List<String> fields(KvCommand c) {
        List<String> f = new ArrayList<>();
        f.add(c.clientId());
        f.add(Long.toString(c.seq()));
        f.add(c.op().key());
        return f;
    }
}
