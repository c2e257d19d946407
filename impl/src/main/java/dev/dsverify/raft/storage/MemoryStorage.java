package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Snapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A storage without files, for tests: the real WAL encoding in a byte array, with the position up to which the
 * bytes have been synced. A crash keeps the synced bytes and a random prefix of the unsynced ones, and recovery
 * runs the same decoder as the file storage. (The simulator runs {@link FileStorage} on a simulated disk.)
 */
public final class MemoryStorage implements Storage {
    private final String name;
    private byte[] data = new byte[1024];
    private int size;
    private int synced;
    private long lastIndex;
    private HardState lastHardState = HardState.INITIAL;
    /** Durable snapshot; replaced together with the WAL, as a rename of fsynced files would do. */
    private Snapshot snapshot;

    public MemoryStorage(String name) {
        this.name = name;
    }

    @Override
    public Recovered recover() {
        WalCodec.Decoded d = WalCodec.decode(data, size, name, 0);
        Recovered r = d.recovered().withSnapshot(snapshot, d.base());
        size = (int) r.validBytes();
        synced = Math.min(synced, size);
        lastIndex = (snapshot == null ? 0 : snapshot.index()) + r.entries().size();
        lastHardState = r.hardState();
        return r;
    }

    @Override
    public void saveSnapshot(Snapshot s, HardState hs, List<Entry> entriesAfter) {
        HardState h = hs != null ? hs : lastHardState;
        byte[] wal = WalCodec.encodeCompacted(h, s.index(), s.term(), entriesAfter);
        data = Arrays.copyOf(wal, Math.max(1024, wal.length * 2));
        size = wal.length;
        synced = size;
        snapshot = s;
        lastHardState = h;
        lastIndex = s.index() + entriesAfter.size();
    }

    @Override
    public void write(HardState hs, long entriesFrom, List<Entry> entries) {
        byte[] rec = WalCodec.encode(hs, entriesFrom, entries, lastIndex);
        if (size + rec.length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + rec.length));
        }
        System.arraycopy(rec, 0, data, size, rec.length);
        size += rec.length;
        if (entriesFrom > 0) {
            lastIndex = entriesFrom - 1 + entries.size();
        }
        if (hs != null) {
            lastHardState = hs;
        }
    }

    @Override
    public void sync() {
        synced = size;
    }

    /** A power failure: unsynced bytes survive only as a random prefix (possibly none, possibly all). */
    public void crash(Random random) {
        int unsynced = size - synced;
        size = synced + (unsynced == 0 ? 0 : random.nextInt(unsynced + 1));
    }

    public int size() {
        return size;
    }

    public int syncedSize() {
        return synced;
    }
}
