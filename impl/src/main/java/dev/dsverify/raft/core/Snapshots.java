package dev.dsverify.raft.core;

/**
 * Snapshots, log compaction and InstallSnapshot (an option outside the spec: runs using it are never traced).
 * The driver compacts after applying; a leader whose peer needs compacted entries sends its snapshot instead.
 */
final class Snapshots {
    private final Raft r;

    Snapshots(Raft r) {
        this.r = r;
    }

    /** The driver applied up to {@code index} and captured the state machine in {@code data}. */
    void compact(long index, byte[] data) {
        if (index > r.out.applied() || index <= r.log.snapshotIndex()) {
            throw new IllegalArgumentException("cannot compact to " + index + " (applied " + r.out.applied()
                    + ", snapshot " + r.log.snapshotIndex() + ")");
        }
        r.log.compact(index, data);
    }

    /** Sent in place of AppendEntries (the caller has ticked the clock) to a peer behind the snapshot. */
    void send(String peer) {
        r.out.send(new InstallSnapshotRequest(r.id, peer, r.currentTerm, r.trace.clock(), r.log.snapshot(),
                r.reads.round()));
        r.tracker.get(peer).inflight = true;
    }

    /** A follower installs a snapshot beyond its commit index; one it already covers is just acknowledged. */
    void handleInstall(InstallSnapshotRequest m) {
        if (r.isStale(m)) {
            // as for AppendEntries: a request of an earlier term confirms no read of the current leader
            r.out.send(new InstallSnapshotResponse(r.id, m.from(), r.currentTerm, r.trace.clock(), false, 0, 0));
            return;
        }
        r.leaderId = m.from();
        r.election.abandonPreVote();
        r.election.resetTimer();
        if (r.role == Role.Candidate) {
            r.becomeFollower();
        }
        Snapshot snap = m.snapshot();
        if (snap.index() > r.commitIndex) {
            r.log.install(snap);
            r.commitIndex = snap.index();
        }
        r.out.send(new InstallSnapshotResponse(r.id, m.from(), r.currentTerm, r.trace.clock(), true, snap.index(),
                m.round()));
    }

    /** At the leader of the response's term: like an AppendEntries answer, minus the tracing. */
    void handleInstallResponse(InstallSnapshotResponse m) {
        Progress p = r.tracker.get(m.from());
        p.acknowledged(m.round(), m.success(), m.matchIndex());
        r.commit.maybeAdvance();
        r.reads.confirm();
        if (p.next <= r.log.lastIndex()) {
            r.replication.sendAppend(m.from());
        }
    }
}
