package dev.dsverify.raft.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * One unit on the wire, big-endian:
 *
 * <pre>
 * frame := length:u32  version:u8  kind:u8  payload[length - 2]
 * </pre>
 *
 * {@code length} counts the version and kind bytes and the payload. A reader refuses a length above its limit
 * before reading the body, so a peer cannot make it allocate more than the limit.
 */
public record Frame(FrameKind kind, byte[] payload) {
    /** The only wire version this code speaks. */
    public static final byte VERSION = 1;
    /** Default limit on {@code length}: large enough for an AppendEntries catching up a far-behind follower. */
    public static final int DEFAULT_MAX_BYTES = 64 << 20;

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(payload.length + 2);
        out.writeByte(VERSION);
        out.writeByte(kind.code);
        out.write(payload);
    }

    /** Reads one frame; {@code null} at a clean end of stream (between frames). */
    public static Frame read(DataInputStream in, int maxBytes) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int length = (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (length < 2 || length > maxBytes) {
            throw new BadFrameException("frame length " + Integer.toUnsignedString(length)
                    + " outside [2, " + maxBytes + "]");
        }
        byte version = in.readByte();
        if (version != VERSION) {
            throw new BadFrameException("frame version " + (version & 0xff) + ", expected " + VERSION);
        }
        FrameKind kind = FrameKind.of(in.readByte());
        byte[] payload = new byte[length - 2];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            throw new BadFrameException("stream ended inside a " + length + "-byte frame");
        }
        return new Frame(kind, payload);
    }
}
