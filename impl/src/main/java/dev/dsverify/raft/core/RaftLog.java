package dev.dsverify.raft.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A server's log (etcd's {@code raftLog} with its {@code unstable} part): the snapshot point, the entries after
 * it, and how much of it is durable. Indexes are the protocol's, starting at 1; this class alone turns them
 * into list positions, so no caller computes an offset from the snapshot.
 *
 * <p>Durability: entries {@code 1..stableIndex} are on disk as far as the driver has acknowledged;
 * {@code unstableFrom} is the lowest index changed since the last Ready took the log change (0: none), and a
 * snapshot received from the leader waits in {@code pendingSnapshot} until a Ready hands it to the driver.
 */
final class RaftLog {
    /** Entries snapshotIndex+1 .. lastIndex (all of them while no snapshot was taken). */
    private final ArrayList<Entry> entries = new ArrayList<>();
    private long snapshotIndex;
    private long snapshotTerm;
    private Snapshot snapshot;
    private Snapshot pendingSnapshot;
    private long stableIndex;
    private long unstableFrom;

    /** A log recovered from storage (or empty): all of it durable. */
    RaftLog(Snapshot snap, List<Entry> recovered) {
        if (snap != null) {
            snapshot = snap;
            snapshotIndex = snap.index();
            snapshotTerm = snap.term();
        }
        entries.addAll(recovered);
        stableIndex = lastIndex();
    }

    // ---- reading

    long lastIndex() {
        return snapshotIndex + entries.size();
    }

    long lastTerm() {
        return term(lastIndex());
    }

    long snapshotIndex() {
        return snapshotIndex;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    long stableIndex() {
        return stableIndex;
    }

    /** The term of the entry at {@code index}; 0 for index 0 (the empty prefix) and past the end. */
    long term(long index) {
        if (index == snapshotIndex) {
            return snapshotTerm;
        }
        if (index < snapshotIndex) {
            throw new IllegalArgumentException("entry " + index + " was compacted into the snapshot at "
                    + snapshotIndex);
        }
        return index > lastIndex() ? 0 : entries.get(position(index)).term();
    }

    Entry entry(long index) {
        if (index <= snapshotIndex || index > lastIndex()) {
            throw new IllegalArgumentException("no entry " + index + " in the log (entries " + (snapshotIndex + 1)
                    + ".." + lastIndex() + ")");
        }
        return entries.get(position(index));
    }

    /** Entries {@code from..lastIndex} (a view; empty when {@code from} is lastIndex+1). */
    List<Entry> from(long from) {
        return between(from, lastIndex());
    }

    /** Entries {@code from..to}, both inclusive (a view). */
    List<Entry> between(long from, long to) {
        if (from <= snapshotIndex || to > lastIndex() || from > to + 1) {
            Check.that(false, "entries " + from + ".." + to + " outside the log's " + (snapshotIndex + 1) + ".."
                    + lastIndex());
        }
        return entries.subList(position(from), position(to) + 1);
    }

    /** The entries after the snapshot, read-only. */
    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Whether the entry at {@code index} has {@code term} (index 0 and the snapshot point included). */
    boolean matches(long index, long term) {
        return index >= snapshotIndex && index <= lastIndex() && term(index) == term;
    }

    /** The election restriction: a log ending in ({@code lastTerm}, {@code lastIndex}) is at least as up to date. */
    boolean isUpToDate(long lastTerm, long lastIndex) {
        return lastTerm > lastTerm() || (lastTerm == lastTerm() && lastIndex >= lastIndex());
    }

    private int position(long index) {
        return (int) (index - snapshotIndex - 1);
    }

    // ---- changing

    /** Appends one entry (a leader's own); returns its index. */
    long append(Entry e) {
        Check.that(e.term() >= lastTerm(), "log terms never decrease: appending term %d after term %d",
                e.term(), lastTerm());
        entries.add(e);
        markUnstable(lastIndex());
        return lastIndex();
    }

    /**
     * The spec's MergeEntries: {@code incoming} placed after {@code prev} (which must be in the log, at or after
     * the snapshot point). Entries already present with the same term are kept, so a late duplicate never cuts
     * the log; from the first conflict or gap on, the log is replaced. Returns the first changed index, 0 if none.
     */
    long merge(long prev, List<Entry> incoming) {
        Check.that(prev >= snapshotIndex && prev <= lastIndex(), "merge after %d outside the log up to %d", prev,
                lastIndex());
        long changedFrom = 0;
        long index = prev;
        for (Entry e : incoming) {
            index++;
            if (index <= lastIndex()) {
                if (term(index) == e.term()) {
                    continue;
                }
                truncateFrom(index);
            }
            entries.add(e);
            if (changedFrom == 0) {
                changedFrom = index;
            }
        }
        if (changedFrom > 0) {
            markUnstable(changedFrom);
        }
        return changedFrom;
    }

    private void truncateFrom(long index) {
        entries.subList(position(index), entries.size()).clear();
        stableIndex = Math.min(stableIndex, index - 1);
        markUnstable(index);
    }

    private void markUnstable(long index) {
        unstableFrom = unstableFrom == 0 ? index : Math.min(unstableFrom, index);
    }

    /** Replaces the prefix up to {@code index} (an entry of the log) by a snapshot holding {@code data}. */
    void compact(long index, byte[] data) {
        long t = term(index);
        entries.subList(0, position(index) + 1).clear();
        snapshotIndex = index;
        snapshotTerm = t;
        snapshot = new Snapshot(index, t, data.clone());
    }

    /**
     * A snapshot from the leader: the log restarts after it, keeping the suffix that follows if the snapshot's
     * last entry is ours. The next Ready hands it to the driver together with the kept suffix.
     */
    void install(Snapshot snap) {
        boolean keepSuffix = snap.index() > snapshotIndex && snap.index() <= lastIndex()
                && term(snap.index()) == snap.term();
        if (keepSuffix) {
            entries.subList(0, position(snap.index()) + 1).clear();
        } else {
            entries.clear();
        }
        snapshotIndex = snap.index();
        snapshotTerm = snap.term();
        snapshot = snap;
        pendingSnapshot = snap;
        stableIndex = Math.min(stableIndex, snapshotIndex);
    }

    // ---- the Ready's log write

    /** A snapshot received from the leader and not yet handed to the driver, or null. */
    Snapshot pendingSnapshot() {
        return pendingSnapshot;
    }

    /** Where the next Ready's log write starts (0: nothing to write); after a snapshot, the whole log. */
    long unstableFrom() {
        return pendingSnapshot != null ? snapshotIndex + 1 : unstableFrom;
    }

    /**
     * The driver made durable a Ready's log write: {@code entries} from {@code from} on (the log was cut there
     * first). Only what that Ready carried becomes stable.
     */
    void stableTo(long from, List<Entry> written, Snapshot snap) {
        long upTo = from + written.size() - 1;
        Check.that(upTo <= lastIndex(), "stable index %d beyond the last index %d", upTo, lastIndex());
        stableIndex = upTo;
        unstableFrom = 0;
        if (snap != null) {
            pendingSnapshot = null;
        }
    }
}
