package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The WAL's byte layout, shared by the file storage and the simulator's in-memory storage so that
 * simulated crashes exercise the real recovery code.
 *
 * <pre>
 * record   := length:u32  crc:u32  body[length]          (big-endian; crc = CRC32C(body))
 * body     := type:u8 payload
 * type 1   HARD_STATE  term:u64  voteLen:i32 (-1 = nobody)  vote:utf8[voteLen]
 * type 2   ENTRY       index:u64 term:u64  dataLen:i32  data[dataLen]
 * type 3   TRUNCATE    from:u64       (entries with index >= from are deleted)
 * type 4   BASE        index:u64 term:u64   (the log restarts empty after a snapshot covering up to index)
 * </pre>
 *
 * Replay applies records in order. A record that does not fit in the remaining bytes, or whose checksum
 * fails while it is the last one, is a torn append and ends the valid prefix. A bad record followed by more
 * data is corruption and recovery stops with {@link CorruptWalException}.
 */
public final class WalCodec {
    static final int HEADER = 8;
    static final byte HARD_STATE = 1;
    static final byte ENTRY = 2;
    static final byte TRUNCATE = 3;
    static final byte BASE = 4;

    /** A compacted WAL: the hard state, the log base (snapshot point) and the entries after it. */
    public static byte[] encodeCompacted(HardState hs, long baseIndex, long baseTerm, List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(encode(hs, 0, List.of(), 0));
        record(out, ByteBuffer.allocate(17).put(BASE).putLong(baseIndex).putLong(baseTerm).array());
        out.writeBytes(encode(null, baseIndex + 1, entries, baseIndex));
        return out.toByteArray();
    }

    private WalCodec() {}

    /** Encodes the records for one persisted change; {@code lastIndex} is the durable log length before it. */
    public static byte[] encode(HardState hs, long entriesFrom, List<Entry> entries, long lastIndex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (hs != null) {
            byte[] vote = hs.votedFor() == null ? null : hs.votedFor().getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + (vote == null ? 0 : vote.length));
            b.put(HARD_STATE).putLong(hs.term()).putInt(vote == null ? -1 : vote.length);
            if (vote != null) {
                b.put(vote);
            }
            record(out, b.array());
        }
        if (entriesFrom > 0) {
            if (entriesFrom <= lastIndex) {
                record(out, ByteBuffer.allocate(9).put(TRUNCATE).putLong(entriesFrom).array());
            }
            long index = entriesFrom;
            for (Entry e : entries) {
                ByteBuffer b = ByteBuffer.allocate(1 + 8 + 8 + 4 + e.data().length);
                b.put(ENTRY).putLong(index++).putLong(e.term()).putInt(e.data().length).put(e.data());
                record(out, b.array());
            }
        }
        return out.toByteArray();
    }

    private static void record(ByteArrayOutputStream out, byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteBuffer h = ByteBuffer.allocate(HEADER).putInt(body.length).putInt((int) crc.getValue());
        out.writeBytes(h.array());
        out.writeBytes(body);
    }

    /** Replays the first {@code length} bytes of {@code data}; {@code file} names the source in errors. */
    public static Recovered decode(byte[] data, int length, String file) {
        return decodeWithBase(data, length, file).recovered();
    }

    /** Decoding result plus the index the WAL's log starts after (its last BASE record, or 0). */
    public record Decoded(Recovered recovered, long base) {}

    public static Decoded decodeWithBase(byte[] data, int length, String file) {
        HardState hs = HardState.INITIAL;
        List<Entry> log = new ArrayList<>();
        long base = 0;
        int off = 0;
        while (off < length) {
            int remaining = length - off;
            if (remaining < HEADER) {
                return new Decoded(new Recovered(hs, log, off, true), base);
            }
            ByteBuffer h = ByteBuffer.wrap(data, off, HEADER);
            int len = h.getInt();
            int crcStored = h.getInt();
            if (len <= 0 || len > remaining - HEADER) {
                return new Decoded(new Recovered(hs, log, off, true), base);
            }
            CRC32C crc = new CRC32C();
            crc.update(data, off + HEADER, len);
            if ((int) crc.getValue() != crcStored) {
                if (off + HEADER + len == length) {
                    return new Decoded(new Recovered(hs, log, off, true), base);
                }
                throw new CorruptWalException(file, off, "checksum mismatch in a record followed by "
                        + (length - off - HEADER - len) + " more bytes");
            }
            ByteBuffer b = ByteBuffer.wrap(data, off + HEADER, len);
            try {
                byte type = b.get();
                switch (type) {
                    case HARD_STATE -> {
                        long term = b.getLong();
                        int vl = b.getInt();
                        String vote = null;
                        if (vl >= 0) {
                            byte[] v = new byte[vl];
                            b.get(v);
                            vote = new String(v, StandardCharsets.UTF_8);
                        }
                        hs = new HardState(term, vote);
                    }
                    case ENTRY -> {
                        long index = b.getLong();
                        long term = b.getLong();
                        byte[] d = new byte[b.getInt()];
                        b.get(d);
                        if (index != base + log.size() + 1) {
                            throw new CorruptWalException(file, off, "entry index " + index + " after a log of length "
                                    + (base + log.size()));
                        }
                        log.add(new Entry(term, d));
                    }
                    case TRUNCATE -> {
                        long from = b.getLong();
                        if (from <= base || from > base + log.size() + 1) {
                            throw new CorruptWalException(file, off, "truncation from " + from + " of a log of length "
                                    + (base + log.size()));
                        }
                        log.subList((int) (from - base - 1), log.size()).clear();
                    }
                    case BASE -> {
                        base = b.getLong();
                        b.getLong();
                        log.clear();
                    }
                    default -> throw new CorruptWalException(file, off, "unknown record type " + type);
                }
            } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
                throw new CorruptWalException(file, off, "record body shorter than its fields");
            }
            off += HEADER + len;
        }
        return new Decoded(new Recovered(hs, log, off, false), base);
    }
}
