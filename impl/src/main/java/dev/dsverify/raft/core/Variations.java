package dev.dsverify.raft.core;

/**
 * The test-only {@link Bugs}, each behind one variation point named after the rule of specs/raft/Raft.tla it
 * weakens (the spec's mutants weaken the same rules). Every point returns the correct rule's answer unless its
 * switch is on, and counts the times the switch changed the answer ({@link #activations()}).
 */
final class Variations {
    private final Bugs bugs;
    private long activations;

    Variations(Bugs bugs) {
        this.bugs = bugs;
    }

    long activations() {
        return activations;
    }

    /** Whether checks that a switched-on bug is meant to break may be made (all of them in production). */
    boolean strict() {
        return !bugs.any();
    }

    /**
     * HandleRequestVoteRequest's grant: the request is of the current term, the candidate's log is up to date,
     * and {@code votedFor \in {Nil, m.from}} (one vote per term). double-vote drops the last condition.
     */
    boolean handleRequestVoteRequestGrants(boolean currentTerm, boolean logOk, String votedFor, String candidate) {
        boolean free = votedFor == null || votedFor.equals(candidate);
        if (currentTerm && logOk && !free && bugs.doubleVote()) {
            activations++;
            return true;
        }
        return currentTerm && logOk && free;
    }

    /**
     * PrevLogOk: the log holds the entry before the new ones, with the leader's term ({@code prev} is at or after
     * the snapshot point). skip-prevlog-check drops the term comparison.
     */
    boolean prevLogOk(RaftLog log, long prev, long prevTerm) {
        if (prev == 0 || log.matches(prev, prevTerm)) {
            return true;
        }
        if (prev <= log.lastIndex() && bugs.skipPrevLogCheck()) {
            activations++;
            return true;
        }
        return false;
    }

    /**
     * The commit rule of HandleAppendEntriesRequest: {@code Max(commitIndex, Min(m.commitIndex, last))}.
     * commit-backwards drops the Max, so a follower can move its commit index back.
     */
    long handleAppendEntriesCommit(long commitIndex, long leaderCommit, long lastNew) {
        long offered = Math.min(leaderCommit, lastNew);
        if (!bugs.commitBackwards()) {
            return Math.max(commitIndex, offered);
        }
        if (offered < commitIndex) {
            activations++;
        }
        return offered;
    }

    /**
     * CommitEligible: a leader counts replicas only for entries of its own term (Figure 8).
     * commit-old-term counts them for entries of any term.
     */
    boolean commitEligible(long entryTerm, long currentTerm) {
        if (entryTerm == currentTerm) {
            return true;
        }
        if (bugs.commitOldTerm()) {
            activations++;
            return true;
        }
        return false;
    }

    /**
     * BecomeLeader's no-op (outside the spec's BecomeLeader, but what lets a new leader commit and serve reads).
     * commit-old-term leaves it out too, since old entries would otherwise always commit correctly behind it;
     * a leader without it appends one when the first read asks for it.
     */
    boolean becomeLeaderAppendsNoop() {
        return !bugs.commitOldTerm();
    }

    /** RecoveredVote: the vote found on disk after a restart. forget-vote loses it. */
    String recoveredVote(String durable) {
        if (durable != null && bugs.forgetVoteOnRestart()) {
            activations++;
            return null;
        }
        return durable;
    }
}
