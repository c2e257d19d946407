package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Snapshot;
import java.util.List;

/**
 * Storage that hands every primitive operation to another storage. Decorators (a crash injected between
 * write and fsync, a hook after each persist, an fsync counter) extend it and override only what they change.
 * {@link #persist} is left as {@link Storage}'s default, so it goes through this object's write and sync.
 */
public abstract class ForwardingStorage implements Storage {
    protected final Storage inner;

    protected ForwardingStorage(Storage inner) {
        this.inner = inner;
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
    public void close() {
        inner.close();
    }
}
