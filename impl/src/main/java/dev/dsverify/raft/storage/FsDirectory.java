package dev.dsverify.raft.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A {@link Directory} on the real file system. */
public final class FsDirectory implements Directory {
    private final Path dir;

    /** The directory {@code dir}, created with its parents if missing. */
    public static FsDirectory create(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new FsDirectory(dir);
    }

    /** The existing directory {@code dir} (not checked). */
    public FsDirectory(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path path() {
        return dir;
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(dir.resolve(name));
    }

    @Override
    public long size(String name) throws IOException {
        return Files.size(dir.resolve(name));
    }

    @Override
    public byte[] readAll(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    @Override
    public DiskFile open(String name, boolean create) throws IOException {
        return create ? channel(name, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : channel(name, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public DiskFile create(String name) throws IOException {
        return channel(name, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private DiskFile channel(String name, StandardOpenOption... options) throws IOException {
        return new Channel(FileChannel.open(dir.resolve(name), options));
    }

    @Override
    public void replace(String from, String to) throws IOException {
        // Same directory, so the rename is atomic on every platform Java supports; no non-atomic fallback.
        Files.move(dir.resolve(from), dir.resolve(to), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void deleteIfExists(String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name));
    }

    @Override
    public List<String> list(String prefix, String suffix) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(suffix) && n.length() >= prefix.length() + suffix.length()) {
                    names.add(n);
                }
            }
        }
        names.sort(null);
        return names;
    }

    @Override
    public void sync() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open directories; their renames are durable without it.
        }
    }

    @Override
    public String tempName(String name) {
        // A random name: two writers of the same file never share a temp file.
        return "." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp";
    }

    private record Channel(FileChannel ch) implements DiskFile {
        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return ch.read(dst, position);
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            long p = position;
            while (src.hasRemaining()) {
                p += ch.write(src, p);
            }
        }

        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            ch.truncate(size);
        }

        @Override
        public void force(boolean metadata) throws IOException {
            ch.force(metadata);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
