package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.storage.Recovered;
import java.util.Arrays;

/**
 * The durable state a trace line can speak of (the spec's currentTerm, votedFor and log: its length and last
 * entry), taken from a running server or from what a restarted one recovered, to tell whether a step a crash
 * interrupted reached the disk.
 */
record Durable(long term, String votedFor, long lastIndex, long lastTerm, byte[] lastData) {

    static Durable of(RaftNode n) {
        Entry last = n.lastIndex() > n.snapshotIndex() ? n.entry(n.lastIndex()) : null;
        return new Durable(n.currentTerm(), n.votedFor(), n.lastIndex(), last == null ? -1 : last.term(),
                last == null ? null : last.data());
    }

    static Durable of(Recovered r) {
        long base = r.snapshot() == null ? 0 : r.snapshot().index();
        Entry last = r.entries().isEmpty() ? null : r.entries().get(r.entries().size() - 1);
        return new Durable(r.hardState().term(), r.hardState().votedFor(), base + r.entries().size(),
                last == null ? -1 : last.term(), last == null ? null : last.data());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Durable d && term == d.term && java.util.Objects.equals(votedFor, d.votedFor)
                && lastIndex == d.lastIndex && lastTerm == d.lastTerm && Arrays.equals(lastData, d.lastData);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(term, votedFor, lastIndex, lastTerm, Arrays.hashCode(lastData));
    }

    @Override
    public String toString() {
        return "term " + term + ", vote " + votedFor + ", log up to " + lastIndex + " (term " + lastTerm + ")";
    }
}
