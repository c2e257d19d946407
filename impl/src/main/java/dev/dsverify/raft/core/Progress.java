package dev.dsverify.raft.core;

/**
 * A leader's view of one peer (etcd's {@code tracker.Progress}). Mutable, owned by its {@link ProgressTracker}.
 * {@code match} and {@code next} are the spec's matchIndex and nextIndex; the rest is outside the spec.
 */
final class Progress {
    /** Highest index known to be replicated on the peer. */
    long match;
    /** Index of the next entry to send. */
    long next = 1;
    /** A request is on its way and unanswered: a new proposal does not send another one. */
    boolean inflight;
    /** Newest read-index heartbeat round the peer has answered in this term. */
    long ackedRound;
    /** Heard from in the current check-quorum period (option). */
    boolean recentActive;

    /** Leadership starts optimistic: next just past the leader's log, nothing known replicated. */
    void becomeLeader(long lastIndex) {
        next = lastIndex + 1;
        match = 0;
        ackedRound = 0;
        inflight = false;
        recentActive = false;
    }

    /**
     * What any answer from the peer tells the leader: the peer is free for the next request, it has seen
     * {@code round}, and on success it holds the log up to {@code matched}. Answers come late, reordered and
     * duplicated, so the indexes only ever rise here.
     */
    void acknowledged(long round, boolean success, long matched) {
        inflight = false;
        ackedRound = Math.max(ackedRound, round);
        if (success) {
            match = Math.max(match, matched);
            next = Math.max(next, Math.addExact(matched, 1));
        }
    }

    /**
     * A rejection: probe from {@code hint} (the spec's BacktrackHint), but at least one entry further back than
     * before and never below 1, as the contract prescribes.
     */
    void rejected(long hint) {
        next = Math.max(Math.min(next - 1, hint), 1);
    }
}
