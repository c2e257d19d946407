package dev.dsverify.raft.core;

/**
 * Snapshots, log compaction and InstallSnapshot: the spec's CompactLog, InstallSnapshot,
 * HandleInstallSnapshotRequest and HandleInstallSnapshotResponse. The driver compacts after applying; a leader
 * whose peer needs compacted entries sends its snapshot instead.
 */
final class Snapshots {
    private final Raft r;

    Snapshots(Raft r) {
        this.r = r;
    }

    /** CompactLog: the driver applied up to {@code index} and captured the state machine in {@code data}. */
    void compact(long index, byte[] data) {
        if (!compactNow(index, data)) {
            throw new IllegalArgumentException("cannot compact to " + index + " (applied " + r.out.applied()
                    + ", snapshot " + r.log.snapshotIndex() + ")");
        }
    }

    /** CompactLog driven from outside: false (nothing changes) unless {@code index} is applied and beyond the snapshot. */
    boolean compactNow(long index, byte[] data) {
        if (index > r.out.applied() || index <= r.log.snapshotIndex()) {
            return false;
        }
        // Only committed entries may go into a snapshot (the spec's CompactLog guard); what is applied is.
        Check.that(index <= r.commitIndex, "compacting to %d beyond the commit index %d", index, r.commitIndex);
        r.trace.step();
        r.log.compact(index, data);
        r.trace.compactLog();
        return true;
    }

    /** InstallSnapshot driven from outside: a leader sends {@code peer} its snapshot, if the peer needs it. */
    boolean sendSnapshot(String peer) {
        if (r.role != Role.Leader || !r.tracker.isPeer(peer) || r.log.snapshot() == null
                || r.tracker.get(peer).next > r.log.snapshotIndex()) {
            return false;
        }
        r.trace.step();
        send(peer);
        return true;
    }

    /** InstallSnapshot, in place of AppendEntries (the caller has ticked the clock) to a peer behind the snapshot. */
    void send(String peer) {
        InstallSnapshotRequest req = new InstallSnapshotRequest(r.id, peer, r.currentTerm, r.trace.clock(),
                r.log.snapshot(), r.reads.round());
        r.trace.installSnapshot(req);
        r.out.send(req);
        r.tracker.get(peer).inflight = true;
    }

    /**
     * HandleInstallSnapshotRequest: a follower installs a snapshot beyond its commit index; one its commit index
     * already covers is just acknowledged (its entries are committed in the log already).
     */
    void handleInstall(InstallSnapshotRequest m) {
        if (r.isStale(m)) {
            // as for AppendEntries: a request of an earlier term confirms no read of the current leader
            InstallSnapshotResponse resp = new InstallSnapshotResponse(r.id, m.from(), r.currentTerm, r.trace.clock(),
                    false, 0, 0);
            r.trace.handleInstallSnapshotRequest(m, resp, null, false);
            r.out.send(resp);
            return;
        }
        r.leaderId = m.from();
        r.election.abandonPreVote();
        r.election.resetTimer();
        Role stepDown = null;
        if (r.role == Role.Candidate) {
            r.becomeFollower();
            stepDown = r.role;
        }
        Snapshot snap = m.snapshot();
        boolean install = snap.index() > r.commitIndex;
        if (install) {
            r.log.install(snap);
            r.commitIndex = snap.index();
        }
        InstallSnapshotResponse resp = new InstallSnapshotResponse(r.id, m.from(), r.currentTerm, r.trace.clock(),
                true, snap.index(), m.round());
        r.trace.handleInstallSnapshotRequest(m, resp, stepDown, install);
        r.out.send(resp);
    }

    /** HandleInstallSnapshotResponse at the leader of the response's term: like an AppendEntries answer. */
    void handleInstallResponse(InstallSnapshotResponse m) {
        Progress p = r.tracker.get(m.from());
        p.acknowledged(m.round(), m.success(), m.matchIndex());
        r.trace.handleInstallSnapshotResponse(m);
        if (r.stepByStep) {
            return; // AdvanceCommitIndex and the next AppendEntries are steps of their own
        }
        r.commit.maybeAdvance();
        r.reads.confirm();
        if (p.next <= r.log.lastIndex()) {
            r.replication.sendAppend(m.from());
        }
    }
}
