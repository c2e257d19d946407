package dev.dsverify.raft.net;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a payload written by {@link WireWriter}. Every read checks the remaining length first, so a
 * malformed payload fails with {@link BadFrameException} naming what was being read, never with an
 * allocation of a length taken on trust.
 */
final class WireReader {
    /**
     * Largest term, index, round, clock or sequence number accepted from the wire. Each of them grows by one per
     * step, so a correct cluster never gets near it (at one election per millisecond 2^62 terms take 146 million
     * years), and every sum the receiver forms from an accepted value ({@code term + 1}, {@code index + count},
     * {@code clock + 1}) stays far from {@link Long#MAX_VALUE}: a forged value cannot make arithmetic overflow.
     */
    static final long MAX_COUNTER = 1L << 62;

    private final ByteBuffer b;

    WireReader(byte[] payload) {
        this.b = ByteBuffer.wrap(payload);
    }

    int u8(String field) throws BadFrameException {
        need(1, field);
        return b.get() & 0xff;
    }

    boolean bool(String field) throws BadFrameException {
        int v = u8(field);
        if (v > 1) {
            throw new BadFrameException("field " + field + ": boolean byte " + v);
        }
        return v == 1;
    }

    int i32(String field) throws BadFrameException {
        need(4, field);
        return b.getInt();
    }

    long i64(String field) throws BadFrameException {
        need(8, field);
        return b.getLong();
    }

    /** A term, index, round, clock or sequence number: an i64 in {@code [0, MAX_COUNTER]}. */
    long counter(String field) throws BadFrameException {
        return counterAtMost(field, MAX_COUNTER, "2^62");
    }

    /** A counter that must also not exceed {@code max} (e.g. an entry's term, bounded by its message's term). */
    long counterAtMost(String field, long max, String maxName) throws BadFrameException {
        long v = i64(field);
        if (v < 0 || v > max || v > MAX_COUNTER) {
            throw new BadFrameException("field " + field + ": " + v + " outside [0, " + maxName + "]");
        }
        return v;
    }

    /** A length-prefixed array whose length must fit in what is left. */
    byte[] bytes(String field) throws BadFrameException {
        int len = i32(field);
        if (len < 0) {
            throw new BadFrameException("field " + field + ": negative length " + len);
        }
        need(len, field);
        byte[] v = new byte[len];
        b.get(v);
        return v;
    }

    String str(String field) throws BadFrameException {
        int len = i32(field);
        if (len == -1) {
            return null;
        }
        b.position(b.position() - 4);
        byte[] raw = bytes(field);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new BadFrameException("field " + field + ": invalid UTF-8");
        }
    }

    String nonNullStr(String field) throws BadFrameException {
        String s = str(field);
        if (s == null) {
            throw new BadFrameException("field " + field + ": null");
        }
        return s;
    }

    int remaining() {
        return b.remaining();
    }

    /** Fails unless the whole payload was consumed: trailing bytes mean the two sides disagree on the layout. */
    void end(String what) throws BadFrameException {
        if (b.hasRemaining()) {
            throw new BadFrameException(what + ": " + b.remaining() + " unexpected trailing bytes");
        }
    }

    private void need(int n, String field) throws BadFrameException {
        if (b.remaining() < n) {
            throw new BadFrameException("field " + field + ": needs " + n + " bytes, " + b.remaining() + " left");
        }
    }
}
