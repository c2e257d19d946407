package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.core.Snapshot;
import java.util.List;

/**
 * Durable home of a server's hard state and log. {@link #write} may buffer; only {@link #sync} makes the
 * writes survive a crash. Drivers call {@link #persist(Ready)}, which does both before returning, and send
 * the Ready's messages only afterwards.
 */
public interface Storage extends AutoCloseable {

    /**
     * Reads the durable state, dropping a proven torn tail (an interrupted append); any other damage, or state
     * files that contradict each other, is a {@link StorageException} naming the file (and, for the WAL, the
     * offset).
     */
    Recovered recover();

    /** Records a hard state (if not null) and the log change "entries from {@code entriesFrom} are these". */
    void write(HardState hs, long entriesFrom, List<Entry> entries);

    /** Makes everything written so far durable. */
    void sync();

    /**
     * Durably replaces everything by {@code snapshot}, the hard state and the entries after the snapshot (log
     * compaction, or a snapshot received from the leader). Atomic: after a crash recovery sees either the old
     * or the new state.
     */
    void saveSnapshot(Snapshot snapshot, HardState hs, List<Entry> entriesAfter);

    default void persist(Ready rd) {
        if (rd.snapshot() != null) {
            saveSnapshot(rd.snapshot(), rd.hardState(), rd.entries());
        } else if (rd.mustSync()) {
            write(rd.hardState(), rd.entriesFrom(), rd.entries());
            sync();
        }
    }

    @Override
    default void close() {}
}
