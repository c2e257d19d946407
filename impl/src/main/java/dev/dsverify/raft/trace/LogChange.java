package dev.dsverify.raft.trace;

import dev.dsverify.raft.core.Entry;
import java.util.List;

/** A log's post-state given as its length and its entries from index {@code from} on (from = len+1: it only shrank). */
public record LogChange(long len, long from, List<Entry> entries) {
    public LogChange {
        entries = List.copyOf(entries);
        if (from + entries.size() - 1 != len) {
            throw new IllegalArgumentException("entries " + from + ".." + len + " but " + entries.size() + " given");
        }
    }
}
