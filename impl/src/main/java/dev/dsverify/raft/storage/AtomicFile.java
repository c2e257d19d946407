package dev.dsverify.raft.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

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
        Path dir = abs.getParent();
        // A random name: two writers of the same file never share a temp file.
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(
                ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            // Same directory, so the rename is atomic on every platform Java supports; no non-atomic fallback.
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes temp files a crash left behind while replacing {@code file}. */
    public static void removeLeftovers(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(abs.getParent(),
                "." + abs.getFileName() + ".*.tmp")) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Makes the directory's entries (a created or renamed file) durable. */
    public static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open directories; their renames are durable without it.
        }
    }
}
