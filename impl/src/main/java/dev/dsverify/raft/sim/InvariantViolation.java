package dev.dsverify.raft.sim;

/** A safety property failed; {@code property} names it (e.g. "ElectionSafety"). */
public final class InvariantViolation extends RuntimeException {
    private final String property;

    public InvariantViolation(String property, String detail) {
        super(property + ": " + detail, null, false, false);
        this.property = property;
    }

    public String property() {
        return property;
    }
}
