package dev.dsverify.raft.core;

/**
 * What must hold of a server after every input, checked always (not only under {@code -ea}). Invariants that a
 * test-only bug switch exists to break are checked only when every switch is off: the checkers under test
 * (the simulator's invariants, trace validation) must see those runs to the end.
 */
final class RaftInvariants {
    private RaftInvariants() {}

    static void check(Raft r, long termBefore) {
        Check.that(r.currentTerm >= termBefore, "terms never decrease: %d after %d", r.currentTerm, termBefore);
        Check.that(r.log.stableIndex() <= r.log.lastIndex(), "stable index %d <= last index %d",
                r.log.stableIndex(), r.log.lastIndex());
        Check.that(r.role != Role.Leader || r.id.equals(r.leaderId), "a leader knows it leads");
        for (Progress p : r.tracker.all()) {
            Check.that(p.next >= 1 && p.match >= 0, "nextIndex %d >= 1 and matchIndex %d >= 0", p.next, p.match);
        }
        if (!r.variations.strict()) {
            return;
        }
        long applied = r.out.applied();
        Check.that(applied <= r.commitIndex, "applied %d <= commit index %d", applied, r.commitIndex);
        Check.that(r.commitIndex <= r.log.lastIndex(), "commit index %d <= last index %d", r.commitIndex,
                r.log.lastIndex());
        Check.that(r.log.snapshotIndex() <= r.commitIndex, "snapshot index %d <= commit index %d",
                r.log.snapshotIndex(), r.commitIndex);
        if (r.role == Role.Leader) {
            Check.that(r.id.equals(r.votedFor), "a leader voted for itself");
            Check.that(r.election.votesGranted().size() >= r.tracker.quorum,
                    "a leader holds %d votes of its term, a majority is %d", r.election.votesGranted().size(),
                    r.tracker.quorum);
            // Not next > match: a stale rejection arriving after a success steps next back by one, as the
            // spec's HandleAppendEntriesResponse does, and can bring it down to match.
            for (Progress p : r.tracker.all()) {
                Check.that(p.match <= r.log.lastIndex(), "matchIndex %d <= last index %d", p.match,
                        r.log.lastIndex());
                Check.that(p.next <= r.log.lastIndex() + 1, "nextIndex %d <= last index + 1 = %d", p.next,
                        r.log.lastIndex() + 1);
            }
        }
    }
}
