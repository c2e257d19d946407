package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Snapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A server's durable state in a directory: {@code wal} holds hard-state and log records
 * (layout in {@link WalCodec}); {@code meta} names the server and the format, written once through a temp
 * file and an atomic rename so it is either absent or complete. {@link #sync} is {@link FileChannel#force}.
 * With snapshots (an option), {@code snapshot} holds {@code index:u64 term:u64 length:u32 data crc:u32}
 * (CRC32C of everything before it); it and the compacted WAL are each replaced by temp file + rename, snapshot
 * first, so a crash in between leaves a WAL whose entries the snapshot already covers (recovery drops them).
 */
public final class FileStorage implements Storage {
    public static final int FORMAT = 1;
    private final Path dir;
    private final Path walFile;
    private FileChannel wal;
    private long lastIndex;
    private HardState lastHardState = HardState.INITIAL;
    private boolean recovered;

    private FileStorage(Path dir, FileChannel wal) {
        this.dir = dir;
        this.walFile = dir.resolve("wal");
        this.wal = wal;
    }

    /** Opens (creating if needed) the storage of server {@code nodeId} in {@code dir}. */
    public static FileStorage open(Path dir, String nodeId) {
        try {
            Files.createDirectories(dir);
            Path meta = dir.resolve("meta");
            String expected = "format=" + FORMAT + "\nnode=" + nodeId + "\n";
            if (Files.exists(meta)) {
                String found = Files.readString(meta, StandardCharsets.UTF_8);
                if (!found.equals(expected)) {
                    throw new StorageException(meta + ": holds '" + found.strip().replace('\n', ' ')
                            + "' but this server is node=" + nodeId + " with format=" + FORMAT);
                }
            } else {
                writeAtomically(meta, expected.getBytes(StandardCharsets.UTF_8));
            }
            FileChannel ch = FileChannel.open(dir.resolve("wal"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            syncDirectory(dir);
            return new FileStorage(dir, ch);
        } catch (IOException e) {
            throw new StorageException("cannot open storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code file} as temp file + fsync + atomic rename + directory fsync. */
    static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(content));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(file.getParent());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open directories; the rename is still atomic there.
        }
    }

    @Override
    public Recovered recover() {
        try {
            long len = wal.size();
            if (len > Integer.MAX_VALUE) {
                throw new StorageException(walFile + ": " + len + " bytes is more than recovery reads in one piece");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) len);
            wal.read(buf, 0);
            Snapshot snap = readSnapshot();
            WalCodec.Decoded d = WalCodec.decodeWithBase(buf.array(), (int) len, walFile.toString());
            Recovered r = d.recovered().withSnapshot(snap, d.base());
            if (r.tornTail()) {
                wal.truncate(r.validBytes());
                wal.force(true);
            }
            wal.position(r.validBytes());
            lastIndex = (snap == null ? 0 : snap.index()) + r.entries().size();
            lastHardState = r.hardState();
            recovered = true;
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
        byte[] rec = WalCodec.encode(hs, entriesFrom, entries, lastIndex);
        try {
            ByteBuffer b = ByteBuffer.wrap(rec);
            while (b.hasRemaining()) {
                wal.write(b);
            }
        } catch (IOException e) {
            throw new StorageException("cannot append to " + walFile + ": " + e.getMessage(), e);
        }
        if (entriesFrom > 0) {
            lastIndex = entriesFrom - 1 + entries.size();
        }
        if (hs != null) {
            lastHardState = hs;
        }
    }

    @Override
    public void saveSnapshot(Snapshot s, HardState hs, List<Entry> entriesAfter) {
        HardState h = hs != null ? hs : lastHardState;
        try {
            ByteBuffer b = ByteBuffer.allocate(8 + 8 + 4 + s.data().length + 4);
            b.putLong(s.index()).putLong(s.term()).putInt(s.data().length).put(s.data());
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, b.position());
            b.putInt((int) crc.getValue());
            writeAtomically(dir.resolve("snapshot"), b.array());
            wal.close();
            writeAtomically(walFile, WalCodec.encodeCompacted(h, s.index(), s.term(), entriesAfter));
            wal = FileChannel.open(walFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            wal.position(wal.size());
            lastHardState = h;
            lastIndex = s.index() + entriesAfter.size();
        } catch (IOException e) {
            throw new StorageException("cannot save snapshot in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Snapshot readSnapshot() throws IOException {
        Path f = dir.resolve("snapshot");
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

    @Override
    public void sync() {
        try {
            wal.force(false);
        } catch (IOException e) {
            throw new StorageException("cannot fsync " + walFile + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        try {
            wal.close();
        } catch (IOException e) {
            throw new StorageException("cannot close " + walFile + ": " + e.getMessage(), e);
        }
    }
}
