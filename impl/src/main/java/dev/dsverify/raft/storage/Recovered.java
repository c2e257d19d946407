package dev.dsverify.raft.storage;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import java.util.List;

/**
 * What recovery found: the last durable hard state and log, the length of the valid WAL prefix and whether a
 * torn record after it was dropped.
 */
public record Recovered(HardState hardState, List<Entry> entries, long validBytes, boolean tornTail) {
    public Recovered {
        entries = List.copyOf(entries);
    }
}
