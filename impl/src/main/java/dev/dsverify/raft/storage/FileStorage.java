package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
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

/**
 * A server's durable state in a directory: {@code wal} holds hard-state and log records
 * (layout in {@link WalCodec}); {@code meta} names the server and the format, written once through a temp
 * file and an atomic rename so it is either absent or complete. {@link #sync} is {@link FileChannel#force}.
 */
public final class FileStorage implements Storage {
    public static final int FORMAT = 1;
    private final Path dir;
    private final Path walFile;
    private final FileChannel wal;
    private long lastIndex;
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
            Recovered r = WalCodec.decode(buf.array(), (int) len, walFile.toString());
            if (r.tornTail()) {
                wal.truncate(r.validBytes());
                wal.force(true);
            }
            wal.position(r.validBytes());
            lastIndex = r.entries().size();
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
