package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Snapshot;
import dev.dsverify.raft.storage.ForwardingStorage;
import dev.dsverify.raft.storage.Storage;
import java.util.List;

/** {@link StorageFault#ACK_BEFORE_FSYNC}: each sync is done one persist late. */
final class LateSyncStorage extends ForwardingStorage {
    private boolean owed;

    LateSyncStorage(Storage inner) {
        super(inner);
    }

    private void payDebt() {
        if (owed) {
            owed = false;
            inner.sync();
        }
    }

    @Override
    public void write(HardState hs, long entriesFrom, List<Entry> entries) {
        payDebt();
        inner.write(hs, entriesFrom, entries);
    }

    @Override
    public void sync() {
        owed = true;
    }

    @Override
    public void saveSnapshot(Snapshot snapshot, HardState hs, List<Entry> entriesAfter) {
        payDebt();
        inner.saveSnapshot(snapshot, hs, entriesAfter);
    }
}
