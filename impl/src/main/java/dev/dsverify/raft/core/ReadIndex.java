package dev.dsverify.raft.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Linearizable reads without a log entry (etcd's {@code read_only.go}, thesis section 6.4). A leader records
 * its commit index, starts a heartbeat round and answers once a majority, itself included, has answered a
 * request of that round or a later one in its term. Until an entry of its own term commits, a new leader's
 * commit index may lag the cluster's, so reads wait for that first. Outside the spec: never traced.
 */
final class ReadIndex {
    private final Raft r;
    /** Heartbeat round; every AppendEntries and InstallSnapshot request carries the round current when it left. */
    private long round;
    private final ArrayDeque<PendingRead> pending = new ArrayDeque<>();
    private final List<Long> awaitingCommit = new ArrayList<>();

    private record PendingRead(long ctx, long index, long round) {}

    ReadIndex(Raft r) {
        this.r = r;
    }

    long round() {
        return round;
    }

    /** A read request {@code ctx} at this server (any role). */
    void request(long ctx) {
        if (r.role != Role.Leader) {
            r.out.read(new ReadState(ctx, 0, false));
        } else if (r.commitIndex == 0 || r.log.term(r.commitIndex) != r.currentTerm) {
            awaitingCommit.add(ctx);
            if (!r.variations.becomeLeaderAppendsNoop() && r.log.lastTerm() != r.currentTerm) {
                // A leader elected without a no-op would make this read wait for a write: append the no-op now.
                r.replication.appendOwn(new byte[0]);
                r.replication.sendToIdlePeers();
            }
        } else {
            startRound(List.of(ctx));
        }
    }

    /** The leader's commit index reached an entry of its own term: the reads that waited for it start now. */
    void ownTermCommitted() {
        if (!awaitingCommit.isEmpty()) {
            List<Long> ctxs = List.copyOf(awaitingCommit);
            awaitingCommit.clear();
            startRound(ctxs);
        }
    }

    private void startRound(List<Long> ctxs) {
        if (r.tracker.ids().isEmpty()) {
            for (long ctx : ctxs) {
                r.out.read(new ReadState(ctx, r.commitIndex, true));
            }
            return;
        }
        round++;
        for (long ctx : ctxs) {
            pending.add(new PendingRead(ctx, r.commitIndex, round));
        }
        r.replication.broadcastAppend();
    }

    /** After a peer's answer: serves, in order, every read whose round a majority has now confirmed. */
    void confirm() {
        while (!pending.isEmpty() && r.tracker.roundConfirmed(pending.peek().round())) {
            PendingRead p = pending.poll();
            r.out.read(new ReadState(p.ctx(), p.index(), true));
        }
    }

    /** Leaving the leader or candidate role fails every read this server promised to confirm. */
    void failAll() {
        for (PendingRead p : pending) {
            r.out.read(new ReadState(p.ctx(), 0, false));
        }
        for (long ctx : awaitingCommit) {
            r.out.read(new ReadState(ctx, 0, false));
        }
        pending.clear();
        awaitingCommit.clear();
    }
}
