package dev.dsverify.raft.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Replaces a file so that, after a crash at any moment, it holds either its old content or the whole new one:
 * the content goes to a temp file in the same directory, is fsynced, renamed over the file, and the directory is
 * fsynced so the rename itself survives. The temp file is created like any new file, so the umask decides its
 * permissions, and is removed if anything fails.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes the content of a file to a stream; the stream is flushed and closed by {@link AtomicFile}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, byte[] content) throws IOException {
        write(file, out -> out.write(content));
    }

    public static void write(Path file, Content content) throws IOException {
        Path abs = file.toAbsolutePath();
        write(new FsDirectory(abs.getParent()), abs.getFileName().toString(), content);
    }

    /** Replaces {@code name} in {@code dir} by {@code content}. */
    public static void write(Directory dir, String name, byte[] content) throws IOException {
        write(dir, name, out -> out.write(content));
    }

    /** Replaces {@code name} in {@code dir} by what {@code content} writes. */
    public static void write(Directory dir, String name, Content content) throws IOException {
        String tmp = dir.tempName(name);
        try {
            try (DiskFile f = dir.create(tmp)) {
                OutputStream out = new BufferedOutputStream(new Appender(f), 1 << 16);
                content.writeTo(out);
                out.flush();
                f.force(true);
            }
            dir.replace(tmp, name);
            dir.sync();
        } finally {
            dir.deleteIfExists(tmp);
        }
    }

    /** Removes temp files a crash left behind while replacing {@code file}. */
    public static void removeLeftovers(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        removeLeftovers(new FsDirectory(abs.getParent()), abs.getFileName().toString());
    }

    /** Removes temp files a crash left behind while replacing {@code name} in {@code dir}. */
    public static void removeLeftovers(Directory dir, String name) throws IOException {
        for (String n : dir.list("." + name + ".", ".tmp")) {
            dir.deleteIfExists(n);
        }
    }

    /** Makes the directory's entries (a created or renamed file) durable. */
    public static void syncDirectory(Path dir) {
        new FsDirectory(dir).sync();
    }

    /** An output stream appending to a file. */
    private static final class Appender extends OutputStream {
        private final DiskFile f;
        private long at;

        Appender(DiskFile f) {
            this.f = f;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            f.write(ByteBuffer.wrap(b, off, len), at);
            at += len;
        }
    }
}
