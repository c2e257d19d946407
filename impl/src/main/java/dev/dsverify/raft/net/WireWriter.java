package dev.dsverify.raft.net;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds a payload: fixed-width big-endian numbers and length-prefixed UTF-8 strings (length -1 = null). */
final class WireWriter {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
    private final DataOutputStream out = new DataOutputStream(buf);

    WireWriter u8(int v) {
        return io(() -> out.writeByte(v));
    }

    WireWriter bool(boolean v) {
        return io(() -> out.writeBoolean(v));
    }

    WireWriter i32(int v) {
        return io(() -> out.writeInt(v));
    }

    WireWriter i64(long v) {
        return io(() -> out.writeLong(v));
    }

    WireWriter bytes(byte[] b) {
        return io(() -> {
            out.writeInt(b.length);
            out.write(b);
        });
    }

    WireWriter str(String s) {
        if (s == null) {
            return i32(-1);
        }
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toBytes() {
        return buf.toByteArray();
    }

    private interface Io {
        void run() throws IOException;
    }

    private WireWriter io(Io w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array never fails
        }
        return this;
    }
}
