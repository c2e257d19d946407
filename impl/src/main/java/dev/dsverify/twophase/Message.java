package dev.dsverify.twophase;

/**
 * The messages of two-phase commit, each carrying its sender's Lamport clock. Their spec form
 * ({@link #spec()}) is the record TwoPhase.tla puts in {@code msgs}: the clock is the log's, not the spec's.
 */
public sealed interface Message {
    long clock();

    /** The message as TwoPhase.tla writes it, e.g. {@code [type |-> "Prepared", rm |-> "r1"]}. */
    Object spec();

    /** An RM's vote to commit. */
    record Prepared(String rm, long clock) implements Message {
        @Override
        public Object spec() {
            return new PreparedSpec("Prepared", rm);
        }
    }

    /** The TM's decision to commit. */
    record Commit(long clock) implements Message {
        @Override
        public Object spec() {
            return new Decision("Commit");
        }
    }

    /** The TM's decision to abort. */
    record Abort(long clock) implements Message {
        @Override
        public Object spec() {
            return new Decision("Abort");
        }
    }

    /** Logged shapes: the fields TwoPhase.tla's message records have. */
    record PreparedSpec(String type, String rm) {
    }

    record Decision(String type) {
    }
}
