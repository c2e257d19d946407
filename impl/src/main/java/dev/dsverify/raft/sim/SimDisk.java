package dev.dsverify.raft.sim;

import dev.dsverify.raft.storage.Directory;
import dev.dsverify.raft.storage.DiskFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A server's disk in the simulator: one directory of files in memory that behaves like a real disk under a page
 * cache. Writes land in the cache; {@link DiskFile#force} is the only point that makes a file's data durable,
 * and a name (created, renamed, deleted) is durable only once the directory is {@link #sync synced}.
 *
 * <p>{@link #crash} is a power failure. For each file with unsynced writes the given generator decides, as a disk
 * can: all of them lost, all kept, a prefix kept (the writes in order, the last one cut at any byte), or sectors
 * mixed (each dirty {@value #SECTOR}-byte sector either reached the disk or not; the file may keep its new length,
 * unwritten sectors then reading as zeros). The directory keeps a prefix of its unsynced operations, in order, as
 * a journaling file system does. Everything is drawn from the generator, so a seed reproduces the crash.
 *
 * <p>{@link #armFsync} makes a later fsync (of a file or of the directory) strike instead: the write before it
 * is in the cache, not on disk. The disk is down from then on (every call throws {@link Crashed}, so code that
 * unwinds cannot touch it) until {@link #crash} decides what survived.
 */
final class SimDisk implements Directory {
    static final int SECTOR = 512;

    private final Path path;
    private final Map<String, Inode> names = new TreeMap<>();
    private final Map<String, Inode> durableNames = new TreeMap<>();
    private final List<DirOp> unsyncedOps = new ArrayList<>();
    private final Set<Inode> dirty = new LinkedHashSet<>();
    private int temps;
    /** Fsyncs to let pass before the armed crash strikes; -1: none armed. */
    private int strikeAfter = -1;
    private boolean down;
    private int generation;
    private long fsyncs;

    SimDisk(String node) {
        this.path = Path.of("simdisk", node);
    }

    /** An operation on the directory not yet made durable by its fsync. */
    private sealed interface DirOp permits Link, Unlink, Rename {
    }

    /** One journal transaction: the two halves of a rename survive together. */
    private record Rename(String from, String to, Inode inode) implements DirOp {
    }

    private record Link(String name, Inode inode) implements DirOp {
    }

    private record Unlink(String name) implements DirOp {
    }

    /** A write or truncation since the file's last fsync, in order, as the crash replays a prefix of them. */
    private record Op(long offset, byte[] bytes, long truncateTo) {
    }

    /** A file: its content in the cache, what its last fsync made durable, and the operations since. */
    private final class Inode {
        byte[] data = new byte[0];
        int size;
        int durableSize;
        /** The durable content of each sector changed since the last fsync, kept before its first change. */
        final Map<Integer, byte[]> before = new HashMap<>();
        final List<Op> ops = new ArrayList<>();

        void ensure(long n) {
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("simulated file of " + n + " bytes");
            }
            if (n > data.length) {
                data = Arrays.copyOf(data, (int) Math.max(n, Math.min(Integer.MAX_VALUE - 8, data.length * 2L + 1024)));
            }
        }

        /** Saves the durable content of the sectors that bytes [from, to) fall in, before they change. */
        void saveSectors(long from, long to) {
            for (long s = from / SECTOR; s * SECTOR < to; s++) {
                long start = s * SECTOR;
                if (start < durableSize && !before.containsKey((int) s)) {
                    byte[] sector = new byte[SECTOR];
                    System.arraycopy(data, (int) start, sector, 0, (int) Math.min(SECTOR, size - start));
                    before.put((int) s, sector);
                }
            }
        }

        void write(ByteBuffer src, long at) {
            int n = src.remaining();
            byte[] b = new byte[n];
            src.get(b);
            saveSectors(at, at + n);
            ensure(at + n);
            if (at > size) {
                Arrays.fill(data, size, (int) at, (byte) 0);
            }
            System.arraycopy(b, 0, data, (int) at, n);
            size = (int) Math.max(size, at + n);
            ops.add(new Op(at, b, -1));
            dirty.add(this);
        }

        void truncate(long to) {
            if (to >= size) {
                return;
            }
            saveSectors(to, size);
            Arrays.fill(data, (int) to, size, (byte) 0);
            size = (int) to;
            ops.add(new Op(0, null, to));
            dirty.add(this);
        }

        void force() {
            before.clear();
            ops.clear();
            durableSize = size;
            dirty.remove(this);
        }

        /** Puts the durable content back: the cache as it was at the last fsync. */
        void revert() {
            int end = Math.max(size, durableSize);
            ensure(end);
            for (Map.Entry<Integer, byte[]> e : before.entrySet()) {
                int start = e.getKey() * SECTOR;
                System.arraycopy(e.getValue(), 0, data, start, Math.min(SECTOR, durableSize - start));
            }
            if (end > durableSize) {
                Arrays.fill(data, durableSize, end, (byte) 0);
            }
            size = durableSize;
        }

        void crash(Random r) {
            switch (r.nextInt(4)) {
                case 0 -> revert(); // lost
                case 1 -> { } // kept: the cache happened to be written back
                case 2 -> { // a prefix of the writes, in order, the last one cut anywhere
                    List<Op> done = List.copyOf(ops);
                    revert();
                    int keep = r.nextInt(done.size() + 1);
                    for (int i = 0; i < keep && i < done.size(); i++) {
                        Op op = done.get(i);
                        boolean last = i == keep - 1;
                        if (op.bytes() == null) {
                            truncate(op.truncateTo());
                        } else {
                            int n = last ? r.nextInt(op.bytes().length + 1) : op.bytes().length;
                            write(ByteBuffer.wrap(op.bytes(), 0, n), op.offset());
                        }
                    }
                }
                default -> { // sectors mixed: each changed sector reached the disk or not
                    int end = Math.max(size, durableSize);
                    ensure(end);
                    for (int s = 0; (long) s * SECTOR < end; s++) {
                        int start = s * SECTOR;
                        boolean changed = before.containsKey(s) || start + SECTOR > durableSize && start < size;
                        if (!changed || r.nextBoolean()) {
                            continue;
                        }
                        int len = Math.min(SECTOR, end - start);
                        byte[] old = before.get(s);
                        if (old != null) {
                            System.arraycopy(old, 0, data, start, Math.min(len, durableSize - start));
                        }
                        int from = Math.max(start, durableSize);
                        if (from < start + len) {
                            Arrays.fill(data, from, start + len, (byte) 0);
                        }
                    }
                    if (r.nextBoolean()) {
                        size = durableSize;
                        Arrays.fill(data, size, end, (byte) 0);
                    }
                }
            }
            force();
        }
    }

    // ------------------------------------------------------------------ crashes

    /** The {@code skip}+1-th fsync from now strikes instead of syncing (see the class comment). */
    void armFsync(int skip) {
        strikeAfter = skip;
    }

    void disarm() {
        strikeAfter = -1;
    }

    /** Fsyncs made so far (of files and of the directory). */
    long fsyncs() {
        return fsyncs;
    }

    /** A power failure: what was not synced is lost, kept or torn, drawn from {@code r}; the disk is up again. */
    void crash(Random r) {
        strikeAfter = -1;
        down = false;
        generation++;
        for (Inode f : List.copyOf(dirty)) {
            f.crash(r);
        }
        int keep = unsyncedOps.isEmpty() ? 0 : r.nextInt(unsyncedOps.size() + 1);
        for (DirOp op : unsyncedOps.subList(0, keep)) {
            apply(durableNames, op);
        }
        unsyncedOps.clear();
        names.clear();
        names.putAll(durableNames);
    }

    private static void apply(Map<String, Inode> dir, DirOp op) {
        if (op instanceof Link l) {
            dir.put(l.name(), l.inode());
        } else if (op instanceof Unlink u) {
            dir.remove(u.name());
        } else if (op instanceof Rename r) {
            dir.remove(r.from());
            dir.put(r.to(), r.inode());
        }
    }

    private void up() {
        if (down) {
            throw new Crashed();
        }
    }

    private void fsyncPoint() {
        up();
        if (strikeAfter == 0) {
            strikeAfter = -1;
            down = true;
            throw new Crashed();
        }
        if (strikeAfter > 0) {
            strikeAfter--;
        }
        fsyncs++;
    }

    // ------------------------------------------------------------------ the directory

    @Override
    public Path path() {
        return path;
    }

    @Override
    public boolean exists(String name) {
        up();
        return names.containsKey(name);
    }

    private Inode inode(String name) throws NoSuchFileException {
        up();
        Inode f = names.get(name);
        if (f == null) {
            throw new NoSuchFileException(resolve(name).toString());
        }
        return f;
    }

    @Override
    public long size(String name) throws IOException {
        return inode(name).size;
    }

    @Override
    public byte[] readAll(String name) throws IOException {
        Inode f = inode(name);
        return Arrays.copyOf(f.data, f.size);
    }

    @Override
    public DiskFile open(String name, boolean create) throws IOException {
        up();
        Inode f = names.get(name);
        if (f == null) {
            if (!create) {
                throw new FileNotFoundException(resolve(name) + " (no such file)");
            }
            f = link(name);
        }
        return new Handle(f, generation);
    }

    @Override
    public DiskFile create(String name) throws IOException {
        up();
        if (names.containsKey(name)) {
            throw new FileAlreadyExistsException(resolve(name).toString());
        }
        return new Handle(link(name), generation);
    }

    private Inode link(String name) {
        Inode f = new Inode();
        names.put(name, f);
        unsyncedOps.add(new Link(name, f));
        return f;
    }

    @Override
    public void replace(String from, String to) throws IOException {
        Inode f = inode(from);
        names.remove(from);
        names.put(to, f);
        unsyncedOps.add(new Rename(from, to, f));
    }

    @Override
    public void deleteIfExists(String name) {
        up();
        if (names.remove(name) != null) {
            unsyncedOps.add(new Unlink(name));
        }
    }

    @Override
    public List<String> list(String prefix, String suffix) {
        up();
        List<String> found = new ArrayList<>();
        for (String n : names.keySet()) {
            if (n.startsWith(prefix) && n.endsWith(suffix) && n.length() >= prefix.length() + suffix.length()) {
                found.add(n);
            }
        }
        return found;
    }

    @Override
    public void sync() {
        fsyncPoint();
        for (DirOp op : unsyncedOps) {
            apply(durableNames, op);
        }
        unsyncedOps.clear();
    }

    @Override
    public String tempName(String name) {
        return "." + name + "." + (++temps) + ".tmp";
    }

    /** An open file; it dies with the disk's crash, as a process's file descriptors do. */
    private final class Handle implements DiskFile {
        private final Inode f;
        private final int gen;

        Handle(Inode f, int gen) {
            this.f = f;
            this.gen = gen;
        }

        private Inode live() {
            up();
            if (gen != generation) {
                throw new IllegalStateException("a file of " + path + " used after the crash that ended its process");
            }
            return f;
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            Inode i = live();
            if (position >= i.size) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), i.size - position);
            dst.put(i.data, (int) position, n);
            return n;
        }

        @Override
        public void write(ByteBuffer src, long position) {
            live().write(src, position);
        }

        @Override
        public long size() {
            return live().size;
        }

        @Override
        public void truncate(long size) {
            live().truncate(size);
        }

        @Override
        public void force(boolean metadata) {
            Inode i = live();
            fsyncPoint();
            i.force();
        }

        @Override
        public void close() {
            // closing changes nothing on a disk
        }
    }
}
