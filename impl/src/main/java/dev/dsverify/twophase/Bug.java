package dev.dsverify.twophase;

/** Deliberate implementation bugs, each of which trace validation must catch at its first wrong line. */
public enum Bug {
    /** The TM commits once any RM is prepared, not every one (the guard TMCanCommit is skipped). */
    COMMIT_BEFORE_ALL_PREPARED("commit-early"),
    /** A prepared RM aborts on its own, breaking the promise its "Prepared" vote made. */
    ABORT_AFTER_PREPARED("abort-after-prepared");

    private final String flag;

    Bug(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    public static Bug fromFlag(String f) {
        for (Bug b : values()) {
            if (b.flag.equals(f)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown bug '" + f + "' (known: commit-early, abort-after-prepared)");
    }
}
