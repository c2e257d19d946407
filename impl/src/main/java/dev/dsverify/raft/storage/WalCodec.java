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
 * The WAL's byte layout, shared by the file storage and the in-memory storage of tests.
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
 * Replay applies records in order. A bad record ends the valid prefix as a torn append only where an
 * interrupted append can explain it (see {@link #decode(byte[], int, String, long)}); otherwise recovery stops
 * with {@link CorruptWalException}.
 */
public final class WalCodec {
    static final int HEADER = 8;
    static final byte HARD_STATE = 1;
    static final byte ENTRY = 2;
    static final byte TRUNCATE = 3;
    static final byte BASE = 4;
    /** The smallest body: a TRUNCATE record (type and index). */
    static final int MIN_BODY = 9;

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
        return decode(data, length, file, 0).recovered();
    }

    /**
     * Decoding result: what was recovered, the index the WAL's log starts after (its last BASE record, or 0), and
     * the log's last index and the hard state's term at byte {@code durableBytes} ({@code -1} if that offset fell
     * inside a record).
     */
    public record Decoded(Recovered recovered, long base, long lastIndexAtMark, long termAtMark) {}

    /**
     * Replays the first {@code length} bytes of {@code data}. The first {@code durableBytes} bytes are known to
     * have been durable (the meta file's mark), so damage there is corruption. After them, a bad record ends
     * the replay as a torn tail only if no valid record follows it and the bytes from it to the end have the
     * shape an interrupted append leaves ({@link TornTail}); anything else is a {@link CorruptWalException}
     * naming {@code file}, the offset and what was expected.
     */
    public static Decoded decode(byte[] data, int length, String file, long durableBytes) {
        HardState hs = HardState.INITIAL;
        List<Entry> log = new ArrayList<>();
        long base = 0;
        long indexAtMark = -1;
        long termAtMark = -1;
        int off = 0;
        while (true) {
            if (off == durableBytes) {
                indexAtMark = base + log.size();
                termAtMark = hs.term();
            }
            if (off >= length) {
                break;
            }
            String problem = problemAt(data, off, length);
            if (problem != null) {
                tornTailOrThrow(data, off, length, file, durableBytes, problem);
                return new Decoded(new Recovered(hs, log, off, true), base, indexAtMark, termAtMark);
            }
            int len = ByteBuffer.wrap(data, off, 4).getInt();
            ByteBuffer b = ByteBuffer.wrap(data, off + HEADER, len);
            // From here the checksum holds: the record was written like this, so anything wrong is corruption.
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
                    default -> throw new AssertionError("problemAt accepted record type " + type);
                }
            } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
                throw new CorruptWalException(file, off, "record body shorter than its fields");
            }
            if (b.hasRemaining()) {
                throw new CorruptWalException(file, off, b.remaining() + " bytes after the record's last field");
            }
            off += HEADER + len;
        }
        return new Decoded(new Recovered(hs, log, off, false), base, indexAtMark, termAtMark);
    }

    /** Why no valid record starts at {@code off} (length, checksum, type), or null if one does. */
    static String problemAt(byte[] data, int off, int length) {
        int left = length - off;
        if (left < HEADER) {
            return "only " + left + " bytes left, less than a record header";
        }
        ByteBuffer h = ByteBuffer.wrap(data, off, HEADER);
        long len = Integer.toUnsignedLong(h.getInt());
        int crcStored = h.getInt();
        if (len < MIN_BODY) {
            return "length " + len + " is shorter than any record";
        }
        if (len > left - HEADER) {
            return "length " + len + " exceeds the " + (left - HEADER) + " bytes left";
        }
        CRC32C crc = new CRC32C();
        crc.update(data, off + HEADER, (int) len);
        if ((int) crc.getValue() != crcStored) {
            return "checksum mismatch";
        }
        byte type = data[off + HEADER];
        if (type < HARD_STATE || type > BASE) {
            return "unknown record type " + type;
        }
        return null;
    }

    /** Returns if the bad record at {@code off} can only be a torn append; throws the corruption otherwise. */
    private static void tornTailOrThrow(byte[] data, int off, int length, String file, long durableBytes,
            String problem) {
        if (off < durableBytes) {
            throw new CorruptWalException(file, off, problem + ", inside the first " + durableBytes
                    + " bytes, which the durable mark covers");
        }
        for (int p = scanFrom(data, off, length); p + HEADER <= length; p++) {
            if (fieldsAgree(data, p, length) && problemAt(data, p, length) == null) {
                int valid = 0;
                int q = p;
                while (q < length && problemAt(data, q, length) == null) {
                    valid++;
                    q += HEADER + ByteBuffer.wrap(data, q, 4).getInt();
                }
                throw new CorruptWalException(file, off, problem + ", " + valid + " valid record"
                        + (valid == 1 ? "" : "s") + " follow" + (valid == 1 ? "s" : "") + " from offset " + p);
            }
        }
        String shape = TornTail.whyNot(data, off, length);
        if (shape != null) {
            throw new CorruptWalException(file, off, problem + ": not an interrupted append, " + shape);
        }
    }

    /** A cheap test before the checksum: the record at {@code p} fits and its fields agree with its length. */
    private static boolean fieldsAgree(byte[] data, int p, int length) {
        long len = Integer.toUnsignedLong(ByteBuffer.wrap(data, p, 4).getInt());
        return len >= MIN_BODY && len <= length - p - HEADER && impliedBodyLength(data, p + HEADER, (int) len) == len;
    }

    /**
     * Where to look for valid records after the bad one at {@code off}: right after it if its length field agrees
     * with its own fields (so a command that happens to contain the bytes of a record, inside a torn entry, is not
     * taken for one), otherwise at every byte after {@code off}.
     */
    private static int scanFrom(byte[] data, int off, int length) {
        int left = length - off;
        if (left > HEADER) {
            long len = Integer.toUnsignedLong(ByteBuffer.wrap(data, off, 4).getInt());
            long implied = impliedBodyLength(data, off + HEADER, (int) Math.min(len, left - HEADER));
            if (implied == len) {
                return (int) Math.min(length, off + HEADER + len);
            }
        }
        return off + 1;
    }

    /**
     * The body length a record's own fields imply, from the first {@code avail} bytes of its body at
     * {@code bodyOff}: {@link #UNKNOWN_LENGTH} if those bytes do not reach the deciding field,
     * {@link #BAD_LENGTH} if the type or a length field is impossible.
     */
    static long impliedBodyLength(byte[] data, int bodyOff, int avail) {
        if (avail < 1) {
            return UNKNOWN_LENGTH;
        }
        ByteBuffer b = ByteBuffer.wrap(data, bodyOff, avail);
        return switch (b.get()) {
            case HARD_STATE -> {
                if (avail < 13) {
                    yield UNKNOWN_LENGTH;
                }
                int vl = ByteBuffer.wrap(data, bodyOff + 9, 4).getInt();
                yield vl < -1 ? BAD_LENGTH : 13L + Math.max(vl, 0);
            }
            case ENTRY -> {
                if (avail < 21) {
                    yield UNKNOWN_LENGTH;
                }
                int dl = ByteBuffer.wrap(data, bodyOff + 17, 4).getInt();
                yield dl < 0 ? BAD_LENGTH : 21L + dl;
            }
            case TRUNCATE -> 9;
            case BASE -> 17;
            default -> BAD_LENGTH;
        };
    }

    static final long UNKNOWN_LENGTH = -1;
    static final long BAD_LENGTH = -2;
}
