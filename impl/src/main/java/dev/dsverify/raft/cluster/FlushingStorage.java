package dev.dsverify.raft.cluster;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.core.Snapshot;
import dev.dsverify.raft.storage.Recovered;
import dev.dsverify.raft.storage.Storage;
import java.util.List;

/**
 * Storage that runs {@code afterPersist} once each Ready is durable and before its messages leave: the node
 * process uses it to write the trace lines of that step, so the trace never runs ahead of the disk and every
 * message a peer can receive has its sending event on file.
 */
final class FlushingStorage implements Storage {
    private final Storage inner;
    private final Runnable afterPersist;

    FlushingStorage(Storage inner, Runnable afterPersist) {
        this.inner = inner;
        this.afterPersist = afterPersist;
    }

    @Override
    public Recovered recover() {
        return inner.recover();
    }

    @Override
    public void write(HardState hs, long entriesFrom, List<Entry> entries) {
        inner.write(hs, entriesFrom, entries);
    }

    @Override
    public void sync() {
        inner.sync();
    }

    @Override
    public void saveSnapshot(Snapshot snapshot, HardState hs, List<Entry> entriesAfter) {
        inner.saveSnapshot(snapshot, hs, entriesAfter);
    }

    @Override
    public void persist(Ready rd) {
        inner.persist(rd);
        afterPersist.run();
    }

    @Override
    public void close() {
        inner.close();
    }
}
