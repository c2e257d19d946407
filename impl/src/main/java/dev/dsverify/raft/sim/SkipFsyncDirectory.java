package dev.dsverify.raft.sim;

import dev.dsverify.raft.storage.Directory;
import dev.dsverify.raft.storage.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/** {@link StorageFault#SKIP_WAL_FSYNC}: a directory whose file {@code name} ignores every fsync. */
final class SkipFsyncDirectory implements Directory {
    private final Directory inner;
    private final String name;

    SkipFsyncDirectory(Directory inner, String name) {
        this.inner = inner;
        this.name = name;
    }

    @Override
    public Path path() {
        return inner.path();
    }

    @Override
    public boolean exists(String n) throws IOException {
        return inner.exists(n);
    }

    @Override
    public long size(String n) throws IOException {
        return inner.size(n);
    }

    @Override
    public byte[] readAll(String n) throws IOException {
        return inner.readAll(n);
    }

    @Override
    public DiskFile open(String n, boolean create) throws IOException {
        DiskFile f = inner.open(n, create);
        return n.equals(name) ? new NoForce(f) : f;
    }

    @Override
    public DiskFile create(String n) throws IOException {
        return inner.create(n);
    }

    @Override
    public void replace(String from, String to) throws IOException {
        inner.replace(from, to);
    }

    @Override
    public void deleteIfExists(String n) throws IOException {
        inner.deleteIfExists(n);
    }

    @Override
    public List<String> list(String prefix, String suffix) throws IOException {
        return inner.list(prefix, suffix);
    }

    @Override
    public void sync() throws IOException {
        inner.sync();
    }

    @Override
    public String tempName(String n) {
        return inner.tempName(n);
    }

    private record NoForce(DiskFile f) implements DiskFile {
        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return f.read(dst, position);
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            f.write(src, position);
        }

        @Override
        public long size() throws IOException {
            return f.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            f.truncate(size);
        }

        @Override
        public void force(boolean metadata) {
            // the broken path: nothing reaches the disk
        }

        @Override
        public void close() throws IOException {
            f.close();
        }
    }
}
