package dev.dsverify.raft.lin;

/**
 * The verdict on a history. {@code UNKNOWN} means the search hit its bound before deciding; it is never a pass.
 * For {@code VIOLATION}, {@code key} is a key whose sub-history has no linearization.
 */
public record LinResult(Status status, String key, String detail, long statesExplored) {
    public enum Status {
        LINEARIZABLE,
        VIOLATION,
        UNKNOWN
    }

    public boolean ok() {
        return status == Status.LINEARIZABLE;
    }
}
