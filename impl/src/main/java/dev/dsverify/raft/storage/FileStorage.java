package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Snapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A server's durable state in a directory: {@code wal} holds hard-state and log records (layout in
 * {@link WalCodec}); {@code meta} ({@link MetaFile}) names the server and the format and records a
 * {@link DurableMark}: a prefix of the WAL known durable, so that recovery can tell damage from a torn append
 * there. {@link #sync} is {@link FileChannel#force}. With snapshots (an option), {@code snapshot} holds
 * {@code index:u64 term:u64 length:u32 data crc:u32} (CRC32C of everything before it); it and the compacted WAL
 * are each replaced through {@link AtomicFile}, snapshot first, so a crash in between leaves a WAL whose entries
 * the snapshot already covers (recovery drops them and finishes the compaction).
 *
 * <p>The mark moves after every fsync that made new bytes durable, before {@link #sync} returns (so before the
 * caller acknowledges anything): one small write in place in the {@code mark} file ({@link MarkFile}) and one
 * fdatasync, which group commit shares among every write of the batch. It also moves (in both files) when the
 * storage is opened (to what recovery accepted), when it is closed and after a snapshot. So every acknowledged
 * record lies inside the mark, and recovery refuses any WAL that lost one: only what was written but never synced
 * (never acknowledged) can be read as an interrupted append.
 */
public final class FileStorage implements Storage {
    public static final int FORMAT = MetaFile.FORMAT;
    private final Path dir;
    private final Path walFile;
    private final Path metaFile;
    private final Path snapshotFile;
    private final String nodeId;
    private FileChannel wal;
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

    private FileStorage(Path dir, String nodeId, FileChannel wal, DurableMark mark, MarkFile marks, Path markSource,
            DurableMark metaMark) {
        this.dir = dir;
        this.nodeId = nodeId;
        this.walFile = dir.resolve("wal");
        this.metaFile = dir.resolve("meta");
        this.snapshotFile = dir.resolve("snapshot");
        this.wal = wal;
        this.mark = mark;
        this.marks = marks;
        this.markSource = markSource;
        this.metaMark = metaMark;
    }

    /**
     * Opens (creating if needed) the storage of server {@code nodeId} in {@code dir}. Refuses a directory of
     * another node and files that contradict each other: a meta file without its WAL, or state without a meta
     * file.
     */
    public static FileStorage open(Path dir, String nodeId) {
        try {
            Files.createDirectories(dir);
            Path meta = dir.resolve("meta");
            Path walPath = dir.resolve("wal");
            Path snap = dir.resolve("snapshot");
            Path markPath = dir.resolve("mark");
            for (Path p : List.of(meta, walPath, snap)) {
                AtomicFile.removeLeftovers(p);
                Files.deleteIfExists(p.resolveSibling(p.getFileName() + ".tmp")); // the old temp file name
            }
            MetaFile m;
            if (Files.exists(meta)) {
                String found = Files.readString(meta, StandardCharsets.UTF_8);
                m = MetaFile.parse(found, meta);
                if (m.format() != FORMAT || !m.node().equals(nodeId)) {
                    throw new StorageException(meta + ": holds '" + found.strip().replace('\n', ' ')
                            + "' but this server is node=" + nodeId + " with format=" + FORMAT);
                }
                if (!Files.exists(walPath)) {
                    throw new StorageException(walPath + ": missing, but " + meta + " says this directory holds the"
                            + " state of node " + nodeId + "; refusing to start with an empty log");
                }
            } else {
                if (Files.exists(snap) || Files.exists(walPath) && Files.size(walPath) > 0
                        || Files.exists(markPath) && Files.size(markPath) > 0) {
                    throw new StorageException(meta + ": missing, but " + (Files.exists(snap) ? snap
                            : Files.exists(walPath) && Files.size(walPath) > 0 ? walPath : markPath)
                            + " holds state; refusing to guess whose it is");
                }
                // The WAL first, then the meta file: wherever a meta file exists, its WAL was created.
                FileChannel.open(walPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
                AtomicFile.syncDirectory(dir);
                m = new MetaFile(FORMAT, nodeId, DurableMark.NONE);
                m.writeTo(meta);
            }
            MarkFile marks = MarkFile.open(markPath);
            DurableMark latest = marks.mark();
            FileChannel ch = FileChannel.open(walPath, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // the mark file follows every fsync; the meta file's mark only opens, closes and snapshots
            return latest != null ? new FileStorage(dir, nodeId, ch, latest, marks, markPath, m.mark())
                    : new FileStorage(dir, nodeId, ch, m.mark(), marks, meta, m.mark());
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
            ByteBuffer buf = ByteBuffer.allocate((int) len);
            while (buf.hasRemaining() && wal.read(buf, buf.position()) >= 0) {
                // read until full
            }
            Snapshot snap = readSnapshot();
            WalCodec.Decoded d = WalCodec.decode(buf.array(), (int) len, walFile.toString(), mark.walBytes());
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
            if (r.tornTail()) {
                wal.truncate(r.validBytes());
                wal.force(true);
            }
            wal.position(r.validBytes());
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
            ByteBuffer b = ByteBuffer.wrap(rec);
            while (b.hasRemaining()) {
                wal.write(b);
            }
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
                throw fail("cannot record the durable mark in " + dir.resolve("mark") + ": " + e.getMessage(), e);
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
            AtomicFile.write(snapshotFile, b.array());
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
            AtomicFile.write(walFile, compacted);
            wal = FileChannel.open(walFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            wal.position(compacted.length);
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
                new MetaFile(FORMAT, nodeId, m).writeTo(metaFile);
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
        if (!Files.exists(f)) {
            return null;
        }
        byte[] all = Files.readAllBytes(f);
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
        return dir;
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
