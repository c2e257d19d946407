package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Ready;
import java.util.List;

/**
 * Durable home of a server's hard state and log. {@link #write} may buffer; only {@link #sync} makes the
 * writes survive a crash. Drivers call {@link #persist(Ready)}, which does both before returning, and send
 * the Ready's messages only afterwards.
 */
public interface Storage extends AutoCloseable {

    /** Reads the durable state, dropping a torn last record; fails on corruption before the end. */
    Recovered recover();

    /** Records a hard state (if not null) and the log change "entries from {@code entriesFrom} are these". */
    void write(HardState hs, long entriesFrom, List<Entry> entries);

    /** Makes everything written so far durable. */
    void sync();

    default void persist(Ready rd) {
        if (rd.mustSync()) {
            write(rd.hardState(), rd.entriesFrom(), rd.entries());
            sync();
        }
    }

    @Override
    default void close() {}
}
