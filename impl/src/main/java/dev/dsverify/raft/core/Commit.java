package dev.dsverify.raft.core;

/**
 * The commit index: a leader's AdvanceCommitIndex (the largest index of its own term held by a majority,
 * paper section 5.4.2) and a follower's adoption of the leader's commit index.
 */
final class Commit {
    private final Raft r;

    Commit(Raft r) {
        this.r = r;
    }

    /**
     * AdvanceCommitIndex. The leader counts itself only for entries it has persisted (stableIndex), so a leader
     * that crashes before its fsync cannot have committed on the strength of its own unsynced copy.
     */
    boolean maybeAdvance() {
        if (r.role != Role.Leader) {
            return false;
        }
        long onMajority = r.tracker.majorityIndex(r.log.stableIndex(), r.log.lastIndex());
        if (onMajority <= r.commitIndex) {
            return false;
        }
        if (!r.variations.commitEligible(r.log.term(onMajority), r.currentTerm)) {
            return false;
        }
        r.trace.step();
        r.commitIndex = onMajority;
        r.trace.advanceCommitIndex();
        if (r.log.term(r.commitIndex) == r.currentTerm) {
            r.reads.ownTermCommitted();
        }
        return true;
    }

    /**
     * A follower accepted entries up to {@code lastNew}: its commit index becomes
     * {@code max(commitIndex, min(leaderCommit, lastNew))}. Returns whether it moved.
     */
    boolean onAppendEntries(long leaderCommit, long lastNew) {
        long newCommit = r.variations.handleAppendEntriesCommit(r.commitIndex, leaderCommit, lastNew);
        if (newCommit == r.commitIndex) {
            return false;
        }
        r.commitIndex = newCommit;
        return true;
    }
}
