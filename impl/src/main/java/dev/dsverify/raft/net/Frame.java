package dev.dsverify.raft.net;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One unit on the wire, big-endian:
 *
 * <pre>
 * frame := length:u32  version:u8  kind:u8  payload[length - 2]
 * </pre>
 *
 * {@code length} counts the version and kind bytes and the payload. A reader refuses a length above the limit
 * for the frame's kind before reading the body, and even below the limit never trusts the declared length: the
 * body is read into a buffer that starts at {@link #CHUNK_BYTES} and doubles only as bytes actually arrive, so
 * a sender that declares a large frame and stalls costs the reader one chunk, not the declared size.
 */
public record Frame(FrameKind kind, byte[] payload) {
    /** The only wire version this code speaks. */
    public static final byte VERSION = 1;
    /**
     * Default limit on a Raft frame. The largest Raft messages are an AppendEntries catching up a follower (it
     * carries every entry from the follower's next index, at about 20 bytes plus the command each) and an
     * InstallSnapshot (the whole key-value state). 16 MiB holds some 100,000 typical commands of catch-up or
     * a 16 MiB state, while a node's worst case for buffered frames stays a small multiple of it
     * ({@link ServerLimits#bufferBudgetBytes}).
     */
    public static final int DEFAULT_MAX_BYTES = 16 << 20;
    /**
     * Limit on client frames: a request or reply carries one key and at most two values, and 1 MiB is far
     * above any key or value this store is meant for; anyone who can reach the port may send these.
     */
    public static final int MAX_CLIENT_BYTES = 1 << 20;
    /** First buffer size for a frame body; it doubles as bytes arrive. */
    static final int CHUNK_BYTES = 64 << 10;

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(payload.length + 2);
        out.writeByte(VERSION);
        out.writeByte(kind.code);
        out.write(payload);
    }

    /** Largest {@code length} accepted for a frame of {@code kind} when the configured limit is {@code maxBytes}. */
    static int limit(FrameKind kind, int maxBytes) {
        return kind == FrameKind.RAFT ? maxBytes : Math.min(maxBytes, MAX_CLIENT_BYTES);
    }

    /** Reads one frame; {@code null} at a clean end of stream (between frames). */
    public static Frame read(InputStream in, int maxBytes) throws IOException {
        return read(in, maxBytes, FrameBudget.unlimited());
    }

    /**
     * Reads one frame whose body buffer, while it is being read, is taken from {@code budget} (shared by every
     * connection of a server); a frame whose next buffer would exceed the budget is refused.
     */
    static Frame read(InputStream in, int maxBytes, FrameBudget budget) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int length = (b0 << 24) | (u8(in) << 16) | (u8(in) << 8) | u8(in);
        if (length < 2 || length > maxBytes) {
            throw new BadFrameException("frame length " + Integer.toUnsignedString(length)
                    + " outside [2, " + maxBytes + "]");
        }
        int version = u8(in);
        if (version != VERSION) {
            throw new BadFrameException("frame version " + version + ", expected " + VERSION);
        }
        FrameKind kind = FrameKind.of((byte) u8(in));
        if (length > limit(kind, maxBytes)) {
            throw new BadFrameException(kind + " frame length " + length + " above " + limit(kind, maxBytes));
        }
        return new Frame(kind, body(in, length - 2, length, budget));
    }

    private static int u8(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new BadFrameException("stream ended inside a frame header");
        }
        return b;
    }

    /** Reads {@code n} bytes, growing the buffer only as they arrive. */
    private static byte[] body(InputStream in, int n, int length, FrameBudget budget) throws IOException {
        long held = 0;
        try {
            byte[] buf = new byte[0];
            int got = 0;
            while (got < n) {
                if (got == buf.length) {
                    int size = (int) Math.min(n, Math.max(CHUNK_BYTES, 2L * buf.length));
                    budget.reserve(size - held);
                    held = size;
                    buf = Arrays.copyOf(buf, size);
                }
                int r = in.read(buf, got, buf.length - got);
                if (r < 0) {
                    throw new BadFrameException("stream ended inside a " + length + "-byte frame after " + got
                            + " payload bytes");
                }
                got += r;
            }
            return buf;
        } catch (EOFException e) {
            throw new BadFrameException("stream ended inside a " + length + "-byte frame");
        } finally {
            budget.release(held);
        }
    }
}
