package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Snapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A server's durable state in a directory: {@code wal} holds hard-state and log records (layout in
 * {@link WalCodec}); {@code meta} ({@link MetaFile}) names the server and the format and records a
 * {@link DurableMark}: a prefix of the WAL known durable, so that recovery can tell damage from a torn append
 * there. {@link #sync} is {@link FileChannel#force}. With snapshots (an option), {@code snapshot} holds
 * {@code index:u64 term:u64 length:u32 data crc:u32} (CRC32C of everything before it); it and the compacted WAL
 * are each replaced through {@link AtomicFile}, snapshot first, so a crash in between leaves a WAL whose entries
 * the snapshot already covers (recovery drops them and finishes the compaction). Every file-system call goes
 * through a {@link Directory}: the real one, or the simulator's disk, which crashes it.
 *
 * <p>The mark moves after every fsync that made new bytes durable, before {@link #sync} returns (so before the
 * caller acknowledges anything): one small write in place in the {@code mark} file ({@link MarkFile}) and one
 * fdatasync, which group commit shares among every write of the batch. It also moves (in both files) when the
 * storage is opened (to what recovery accepted), when it is closed and after a snapshot. So every acknowledged
 * record lies inside the mark, and recovery refuses any WAL that lost one.
 *
 * <p>The bytes after the mark file's mark were written but never acknowledged: the sync that would have
 * acknowledged them did not return. Recovery cuts them off, whatever they hold (a torn append, pages written back
 * out of order, or whole records whose fsync or mark never finished), so a restarted server holds exactly the
 * state of its last completed sync: the state its trace, written after each sync, describes. (A directory whose
 * mark comes from the meta file, written before mark files existed, keeps valid records after it and drops only
 * a proven torn tail.)
 */
public final class FileStorage implements Storage {
    public static final int FORMAT = MetaFile.FORMAT;
    private static final String WAL = "wal";
    private static final String META = "meta";
    private static final String SNAPSHOT = "snapshot";
    private static final String MARK = "mark";
    private final Directory dir;
    private final Path walFile;
    private final Path metaFile;
    private final Path snapshotFile;
    private final String nodeId;
    private DiskFile wal;
    private DurableMark mark;
    /** Bytes of whole records appended to the WAL, and the part of them made durable. */
    private long written;
    private long synced;
    private long lastIndex;
    private HardState lastHardState = HardState.INITIAL;
    private boolean recovered;
    /** A write or fsync failed: what reached the disk is unknown, so nothing more is written (nor marked). */
    private StorageException failed;

    private final MarkFile marks;
    /** The mark the meta file holds (it moves only on open, close and snapshots). */
    private DurableMark metaMark;
    /** Where the mark recovery trusts was read: the mark file, or (a directory without one) the meta file. */
    private final Path markSource;
    /** The mark is the last one a completed sync recorded: nothing after it was acknowledged. */
    private final boolean markFollowsSyncs;

    private FileStorage(Directory dir, String nodeId, DiskFile wal, DurableMark mark, MarkFile marks,
            String markSource, boolean markFollowsSyncs, DurableMark metaMark) {
        this.dir = dir;
        this.nodeId = nodeId;
        this.walFile = dir.resolve(WAL);
        this.metaFile = dir.resolve(META);
        this.snapshotFile = dir.resolve(SNAPSHOT);
        this.wal = wal;
        this.mark = mark;
        this.marks = marks;
        this.markSource = dir.resolve(markSource);
        this.markFollowsSyncs = markFollowsSyncs;
        this.metaMark = metaMark;
    }

    /**
     * Opens (creating if needed) the storage of server {@code nodeId} in {@code dir}. Refuses a directory of
     * another node and files that contradict each other: a meta file without its WAL, or state without a meta
     * file.
     */
    public static FileStorage open(Path dir, String nodeId) {
        FsDirectory d;
        try {
            d = FsDirectory.create(dir);
        } catch (IOException e) {
            throw new StorageException("cannot open storage in " + dir + ": " + e.getMessage(), e);
        }
        return open(d, nodeId);
    }

    /** As {@link #open(Path, String)}, in {@code directory} (the real file system, or a simulated disk). */
    public static FileStorage open(Directory directory, String nodeId) {
        Path dir = directory.path();
        try {
            Path meta = directory.resolve(META);
            Path walPath = directory.resolve(WAL);
            Path snap = directory.resolve(SNAPSHOT);
            Path markPath = directory.resolve(MARK);
            for (String p : List.of(META, WAL, SNAPSHOT)) {
                AtomicFile.removeLeftovers(directory, p);
                directory.deleteIfExists(p + ".tmp"); // the old temp file name
            }
            MetaFile m;
            boolean freshDir = !directory.exists(META);
            if (!freshDir) {
                String found = new String(directory.readAll(META), StandardCharsets.UTF_8);
                m = MetaFile.parse(found, meta);
                if (m.format() != FORMAT || !m.node().equals(nodeId)) {
                    throw new StorageException(meta + ": holds '" + found.strip().replace('\n', ' ')
                            + "' but this server is node=" + nodeId + " with format=" + FORMAT);
                }
                if (!directory.exists(WAL)) {
                    throw new StorageException(walPath + ": missing, but " + meta + " says this directory holds the"
                            + " state of node " + nodeId + "; refusing to start with an empty log");
                }
            } else {
                boolean walHolds = directory.exists(WAL) && directory.size(WAL) > 0;
                if (directory.exists(SNAPSHOT) || walHolds
                        || directory.exists(MARK) && directory.size(MARK) > 0) {
                    throw new StorageException(meta + ": missing, but " + (directory.exists(SNAPSHOT) ? snap
                            : walHolds ? walPath : markPath) + " holds state; refusing to guess whose it is");
                }
                // The WAL first, then the meta file: wherever a meta file exists, its WAL was created.
                directory.open(WAL, true).close();
                directory.sync();
                m = new MetaFile(FORMAT, nodeId, DurableMark.NONE);
                m.writeTo(directory, META);
            }
            MarkFile marks = MarkFile.open(directory, MARK);
            DurableMark latest = marks.mark();
            DiskFile ch = directory.open(WAL, false);
            // The mark file follows every fsync; the meta file's mark only opens, closes and snapshots.
            if (marks.fresh()) {
                // a new directory's WAL holds no completed sync; an older one's mark is the meta file's
                return new FileStorage(directory, nodeId, ch, m.mark(), marks, META, freshDir, m.mark());
            } else if (!latest.isNone()) {
                return new FileStorage(directory, nodeId, ch, latest, marks, MARK, marks.bothIntact(), m.mark());
            } else if (!m.mark().isNone() || directory.exists(SNAPSHOT)) {
                // a mark withdrawn while the WAL was replaced (whose new content was synced before its rename)
                return new FileStorage(directory, nodeId, ch, m.mark(), marks, META, false, m.mark());
            } else {
                // no sync ever completed: nothing in the WAL was acknowledged
                return new FileStorage(directory, nodeId, ch, latest, marks, MARK, true, m.mark());
            }
        } catch (IOException e) {
            throw new StorageException("cannot open storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Recovered recover() {
        try {
            long len = wal.size();
            if (len > Integer.MAX_VALUE) {
                throw new StorageException(walFile + ": " + len + " bytes is more than recovery reads in one piece");
            }
            if (len < mark.walBytes()) {
                throw new StorageException(walFile + ": " + len + " bytes, but " + markSource + " records its first "
                        + mark.walBytes() + " bytes (the log up to entry " + mark.lastIndex() + ", term "
                        + mark.term() + ") as durable: acknowledged data is missing");
            }
            // after a mark that follows every sync nothing was acknowledged: those bytes are not even read
            long keep = markFollowsSyncs ? mark.walBytes() : len;
            ByteBuffer buf = ByteBuffer.allocate((int) keep);
            while (buf.hasRemaining() && wal.read(buf, buf.position()) >= 0) {
                // read until full
            }
            Snapshot snap = readSnapshot();
            WalCodec.Decoded d = WalCodec.decode(buf.array(), (int) keep, walFile.toString(), mark.walBytes());
            if (!mark.isNone() && (d.lastIndexAtMark() != mark.lastIndex() || d.termAtMark() != mark.term())) {
                throw new StorageException(walFile + " and " + markSource + " disagree: " + markSource.getFileName()
                        + " records the log"
                        + " up to entry " + mark.lastIndex() + " and term " + mark.term() + " at byte "
                        + mark.walBytes() + ", the WAL holds " + (d.lastIndexAtMark() < 0 ? "no record boundary there"
                        : "the log up to entry " + d.lastIndexAtMark() + " and term " + d.termAtMark()));
            }
            if (snap == null && d.base() > 0) {
                throw new StorageException(walFile + ": a compacted log starting after entry " + d.base() + ", but "
                        + snapshotFile + " is missing");
            }
            if (snap != null && d.base() > snap.index()) {
                throw new StorageException(walFile + ": a compacted log starting after entry " + d.base() + ", but "
                        + snapshotFile + " only covers up to entry " + snap.index());
            }
            Recovered r = d.recovered().withSnapshot(snap, d.base());
            if (keep < len) {
                r = new Recovered(r.hardState(), r.entries(), r.validBytes(), true, r.snapshot());
            }
            if (r.tornTail()) {
                wal.truncate(r.validBytes());
                wal.force(true);
            }
            written = synced = r.validBytes();
            lastIndex = (snap == null ? 0 : snap.index()) + r.entries().size();
            lastHardState = r.hardState();
            recovered = true;
            if (snap != null && d.base() < snap.index()) {
                // A crash between the snapshot's rename and the WAL's: finish the compaction, so the WAL's log
                // continues from the snapshot again.
                replaceWal(r.hardState(), snap.index(), snap.term(), r.entries());
            } else {
                moveMark(new DurableMark(synced, lastIndex, lastHardState.term()));
            }
            return r;
        } catch (IOException e) {
            throw new StorageException("cannot read " + walFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(HardState hs, long entriesFrom, List<Entry> entries) {
        if (!recovered) {
            throw new IllegalStateException("recover() must run before the first write to " + walFile);
        }
        usable();
        byte[] rec = WalCodec.encode(hs, entriesFrom, entries, lastIndex);
        try {
            wal.write(ByteBuffer.wrap(rec), written);
        } catch (IOException e) {
            throw fail("cannot append to " + walFile + ": " + e.getMessage(), e);
        }
        written += rec.length;
        if (entriesFrom > 0) {
            lastIndex = entriesFrom - 1 + entries.size();
        }
        if (hs != null) {
            lastHardState = hs;
        }
    }

    @Override
    public void sync() {
        usable();
        try {
            wal.force(false);
        } catch (IOException e) {
            // After a failed fsync the kernel may have dropped the dirty pages: never retry, never mark.
            throw fail("cannot fsync " + walFile + ": " + e.getMessage(), e);
        }
        synced = written;
        if (synced > mark.walBytes()) {
            // before the caller acknowledges what this fsync made durable: a WAL that later loses it is refused
            DurableMark m = new DurableMark(synced, lastIndex, lastHardState.term());
            try {
                marks.write(m);
            } catch (IOException e) {
                throw fail("cannot record the durable mark in " + dir.resolve(MARK) + ": " + e.getMessage(), e);
            }
            mark = m;
        }
    }

    @Override
    public void saveSnapshot(Snapshot s, HardState hs, List<Entry> entriesAfter) {
        usable();
        HardState h = hs != null ? hs : lastHardState;
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 4 + s.data().length + 4);
        b.putLong(s.index()).putLong(s.term()).putInt(s.data().length).put(s.data());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        try {
            AtomicFile.write(dir, SNAPSHOT, b.array());
        } catch (IOException e) {
            throw fail("cannot save snapshot in " + snapshotFile + ": " + e.getMessage(), e);
        }
        replaceWal(h, s.index(), s.term(), entriesAfter);
    }

    /** Replaces the WAL by its compacted form; the old WAL's mark is withdrawn first, it would not fit the new. */
    private void replaceWal(HardState h, long baseIndex, long baseTerm, List<Entry> entriesAfter) {
        try {
            if (!mark.isNone()) {
                moveMark(DurableMark.NONE);
            }
            wal.close();
            byte[] compacted = WalCodec.encodeCompacted(h, baseIndex, baseTerm, entriesAfter);
            AtomicFile.write(dir, WAL, compacted);
            wal = dir.open(WAL, false);
            written = synced = compacted.length;
            lastHardState = h;
            lastIndex = baseIndex + entriesAfter.size();
        } catch (IOException e) {
            throw fail("cannot replace " + walFile + " by its compacted form: " + e.getMessage(), e);
        }
        moveMark(new DurableMark(synced, lastIndex, lastHardState.term()));
    }

    /** Records {@code m} in the meta file (only what an fsync already made durable). */
    private void moveMark(DurableMark m) {
        assert m.walBytes() <= synced : "mark " + m + " beyond the " + synced + " durable bytes";
        if (m.equals(mark) && m.equals(metaMark)) {
            return;
        }
        try {
            // the mark file first: recovery trusts it over the meta file whenever it holds a mark
            if (!m.equals(mark)) {
                marks.reset(m);
            }
            if (!m.equals(metaMark)) {
                new MetaFile(FORMAT, nodeId, m).writeTo(dir, META);
                metaMark = m;
            }
        } catch (IOException e) {
            throw fail("cannot write " + metaFile + ": " + e.getMessage(), e);
        }
        mark = m;
    }

    private StorageException fail(String message, IOException cause) {
        failed = new StorageException(message, cause);
        return failed;
    }

    private void usable() {
        if (failed != null) {
            throw new StorageException(walFile + ": an earlier write failed (" + failed.getMessage()
                    + "); refusing to write more", failed);
        }
    }

    private Snapshot readSnapshot() throws IOException {
        Path f = snapshotFile;
        if (!dir.exists(SNAPSHOT)) {
            return null;
        }
        byte[] all = dir.readAll(SNAPSHOT);
        ByteBuffer b = ByteBuffer.wrap(all);
        if (all.length < 24) {
            throw new StorageException(f + ": snapshot file of " + all.length + " bytes is shorter than its header");
        }
        long index = b.getLong();
        long term = b.getLong();
        int len = b.getInt();
        if (len < 0 || len != all.length - 24) {
            throw new StorageException(f + ": snapshot length field " + len + " does not match the file size " + all.length);
        }
        byte[] data = new byte[len];
        b.get(data);
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 4);
        if ((int) crc.getValue() != b.getInt()) {
            throw new StorageException(f + ": snapshot checksum mismatch (corrupted snapshot)");
        }
        return new Snapshot(index, term, data);
    }

    public Path directory() {
        return dir.path();
    }

    /** Closes the WAL; after a clean run, first records all of it as durable so later damage is never a tear. */
    @Override
    public void close() {
        try {
            if (recovered && failed == null) {
                if (written > synced) {
                    wal.force(false);
                    synced = written;
                }
                moveMark(new DurableMark(synced, lastIndex, lastHardState.term()));
            }
        } catch (IOException e) {
            throw fail("cannot fsync " + walFile + ": " + e.getMessage(), e);
        } finally {
            try {
                wal.close();
                marks.close();
            } catch (IOException e) {
                throw new StorageException("cannot close " + walFile + ": " + e.getMessage(), e);
            }
        }
    }
}
