package dev.dsverify.raft.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The {@code mark} file: the {@link DurableMark} as of the latest fsync, cheap enough to write after every one
 * (one small write in place and one fdatasync; no new file, no rename, no directory fsync).
 *
 * <p>Two slots of {@value #SLOT} bytes at offsets 0 and {@value #STRIDE}: {@code magic:u32 seq:u64 walBytes:u64
 * lastIndex:u64 term:u64 crc:u32} (CRC32C of what precedes it). Writes alternate between the slots, so a write torn
 * by a crash leaves the other slot, which holds the mark of the fsync before: that one covers everything
 * acknowledged, since a sync returns (and its writes are acknowledged) only after its mark is durable. The newest
 * intact slot is the mark. {@link #reset} writes both slots, so that no slot can hold a mark older than one
 * recorded elsewhere.
 */
final class MarkFile implements Closeable {
    static final int SLOT = 40;
    static final int STRIDE = 64;
    private static final int MAGIC = 0x44534d4b; // "DSMK"

    private final DiskFile ch;
    /** The mark the file held when opened, or null when it held none. */
    private final DurableMark atOpen;
    /** The file was created by this open. */
    private final boolean fresh;
    /** Both slots were intact when opened: no mark write was torn, so the newest is the last one written. */
    private final boolean bothIntact;
    private long seq;

    private MarkFile(DiskFile ch, Slot newest, boolean fresh, boolean bothIntact) {
        this.ch = ch;
        this.atOpen = newest == null ? null : newest.mark();
        this.seq = newest == null ? 0 : newest.seq();
        this.fresh = fresh;
        this.bothIntact = bothIntact;
    }

    /** A slot read back: its sequence number and mark. */
    record Slot(long seq, DurableMark mark) {
    }

    /** Opens (creating if missing) the mark file {@code file} on the real file system. */
    static MarkFile open(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        return open(new FsDirectory(abs.getParent()), abs.getFileName().toString());
    }

    /**
     * Opens the mark file {@code name} of {@code dir}, creating it when missing (or empty) with both slots
     * holding {@link DurableMark#NONE}, through {@link AtomicFile}: so a crash never leaves a mark file whose name
     * could vanish, nor one whose only slot is torn.
     */
    static MarkFile open(Directory dir, String name) throws IOException {
        boolean fresh = !dir.exists(name) || dir.size(name) == 0;
        if (fresh) {
            ByteBuffer init = ByteBuffer.allocate(STRIDE + SLOT);
            init.put(encode(2, DurableMark.NONE)).position(STRIDE);
            init.put(encode(1, DurableMark.NONE));
            AtomicFile.write(dir, name, init.array());
        }
        DiskFile ch = dir.open(name, false);
        try {
            Slot a = slot(ch, 0);
            Slot b = slot(ch, STRIDE);
            return new MarkFile(ch, newest(dir.resolve(name), ch.size(), a, b), fresh, a != null && b != null);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** This open created the file: it holds no mark of any earlier run. */
    boolean fresh() {
        return fresh;
    }

    /**
     * Both slots were intact: the newest is the last mark written. (With one slot damaged, by a mark write a
     * crash tore or by damage later, the intact one may be older than a mark already acknowledged.)
     */
    boolean bothIntact() {
        return bothIntact;
    }

    /**
     * The mark of the newest intact slot when the file was opened, or null when it held none (a new file, or a
     * directory written before mark files existed). A file with content but no intact slot was refused by
     * {@link #open}.
     */
    DurableMark mark() {
        return atOpen;
    }

    private static Slot newest(Path file, long size, Slot a, Slot b) {
        if (size == 0) {
            return null;
        }
        if (a == null && b == null) {
            throw new StorageException(file + ": " + size + " bytes, but neither slot (offsets 0 and " + STRIDE
                    + ") holds an intact durable mark: damaged; refusing to guess what was acknowledged");
        }
        if (a == null) {
            return b;
        }
        return b == null || a.seq() > b.seq() ? a : b;
    }

    private static Slot slot(DiskFile ch, long offset) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(SLOT);
        while (buf.hasRemaining()) {
            if (ch.read(buf, offset + buf.position()) < 0) {
                return null;
            }
        }
        buf.flip();
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, SLOT - 4);
        if (buf.getInt(0) != MAGIC || buf.getInt(SLOT - 4) != (int) crc.getValue()) {
            return null;
        }
        long seq = buf.getLong(4);
        long walBytes = buf.getLong(12);
        long lastIndex = buf.getLong(20);
        long term = buf.getLong(28);
        if (seq < 0 || walBytes < 0 || lastIndex < 0 || term < 0) {
            return null;
        }
        return new Slot(seq, new DurableMark(walBytes, lastIndex, term));
    }

    /** Records {@code m} in the next slot and makes it durable. */
    void write(DurableMark m) throws IOException {
        long next = seq + 1;
        long offset = (next % 2) * STRIDE;
        ch.write(ByteBuffer.wrap(encode(next, m)), offset);
        ch.force(false);
        seq = next;
    }

    private static byte[] encode(long seq, DurableMark m) {
        ByteBuffer buf = ByteBuffer.allocate(SLOT);
        buf.putInt(MAGIC).putLong(seq).putLong(m.walBytes()).putLong(m.lastIndex()).putLong(m.term());
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, SLOT - 4);
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    /** Records {@code m} in both slots, one after the other, each made durable. */
    void reset(DurableMark m) throws IOException {
        write(m);
        write(m);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
