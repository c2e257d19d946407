package dev.dsverify.runner.value;

/**
 * In TLA+ the empty sequence, the empty record and the empty function are one and the same value, and TLC
 * prints it as {@code <<>>} whichever way it was built. Equality of the three kinds agrees on it.
 */
final class EmptyFunction {
    /** Shared hash of the empty function in every representation (that of an empty List). */
    static final int HASH = 1;

    private EmptyFunction() {
    }

    static boolean is(Object o) {
        return (o instanceof TlaSeq s && s.elements().isEmpty())
                || (o instanceof TlaRecord r && r.fields().isEmpty())
                || (o instanceof TlaFunction f && f.mappings().isEmpty());
    }
}
