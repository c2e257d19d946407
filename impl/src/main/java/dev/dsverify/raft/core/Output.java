package dev.dsverify.raft.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What the core has produced and the driver has not yet acknowledged: the Ready bookkeeping. A Ready is built
 * from here and from the log's unstable part; {@link #advance} forgets exactly what that Ready carried.
 */
final class Output {
    private final Raft r;
    private boolean hardStateDirty;
    private final ArrayList<Message> outbox = new ArrayList<>();
    private final ArrayList<ReadState> readStates = new ArrayList<>();
    /** Entries 1..applied were handed to the driver to apply (or are covered by an installed snapshot). */
    private long applied;

    Output(Raft r) {
        this.r = r;
    }

    void send(Message m) {
        outbox.add(m);
    }

    void read(ReadState rs) {
        readStates.add(rs);
    }

    /** currentTerm or votedFor changed: the next Ready persists them. */
    void hardStateChanged() {
        hardStateDirty = true;
    }

    long applied() {
        return applied;
    }

    /** After a restart from a snapshot, its entries count as applied: the driver restores the state machine. */
    void appliedThrough(long index) {
        applied = index;
    }

    /** Commit index as far as the log reaches (a commit index can be ahead of a log that is still catching up). */
    private long committedInLog() {
        return Math.min(r.commitIndex, r.log.lastIndex());
    }

    boolean hasReady() {
        return hardStateDirty || r.log.unstableFrom() > 0 || !outbox.isEmpty() || !readStates.isEmpty()
                || committedInLog() > applied || r.log.pendingSnapshot() != null;
    }

    Ready ready() {
        HardState hs = hardStateDirty ? new HardState(r.currentTerm, r.votedFor) : null;
        Snapshot snap = r.log.pendingSnapshot();
        long from = r.log.unstableFrom();
        List<Entry> entries = from > 0 ? List.copyOf(r.log.from(from)) : List.of();
        long firstToApply = snap != null ? r.log.snapshotIndex() + 1 : applied + 1;
        long upTo = committedInLog();
        List<Entry> committed = upTo >= firstToApply ? List.copyOf(r.log.between(firstToApply, upTo)) : List.of();
        return new Ready(hs, from, entries, List.copyOf(outbox), committed, firstToApply, List.copyOf(readStates),
                snap);
    }

    /** The driver did everything {@code rd} asked; only what {@code rd} carried is forgotten or made stable. */
    void advance(Ready rd) {
        if (rd.hardState() != null) {
            hardStateDirty = false;
        }
        if (rd.hasLogWrite() || rd.snapshot() != null) {
            r.log.stableTo(rd.entriesFrom(), rd.entries(), rd.snapshot());
        }
        if (rd.snapshot() != null) {
            applied = Math.max(applied, rd.snapshot().index());
        }
        outbox.subList(0, Math.min(rd.messages().size(), outbox.size())).clear();
        readStates.subList(0, Math.min(rd.readStates().size(), readStates.size())).clear();
        applied = Math.max(applied, rd.firstCommittedIndex() + rd.committed().size() - 1);
    }
}
