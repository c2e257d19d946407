package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Snapshot;
import java.util.List;

/**
 * What recovery found: the last durable hard state, the snapshot (null: none) and the log entries after it,
 * the length of the valid WAL prefix and whether a torn record after it was dropped.
 */
public record Recovered(HardState hardState, List<Entry> entries, long validBytes, boolean tornTail, Snapshot snapshot) {
    public Recovered {
        entries = List.copyOf(entries);
    }

    public Recovered(HardState hardState, List<Entry> entries, long validBytes, boolean tornTail) {
        this(hardState, entries, validBytes, tornTail, null);
    }

    /** This recovery with a snapshot: entries it covers are dropped (the WAL may predate the snapshot). */
    Recovered withSnapshot(Snapshot s, long walBase) {
        if (s == null) {
            return this;
        }
        if (walBase > s.index()) {
            throw new StorageException("WAL starts after entry " + walBase + " but the snapshot only covers up to "
                    + s.index());
        }
        int drop = (int) Math.min(entries.size(), s.index() - walBase);
        return new Recovered(hardState, entries.subList(drop, entries.size()), validBytes, tornTail, s);
    }
}
