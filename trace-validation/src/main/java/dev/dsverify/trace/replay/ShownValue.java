package dev.dsverify.trace.replay;

/**
 * How a TLA+ value is shown to people: in full, or, when long, as its length with its head and tail, so that a
 * reason naming one differing field is not buried under a 100k-entry log.
 */
public final class ShownValue {
    /** Values longer than this are folded unless the full text is asked for. */
    public static final int MAX_CHARS = 240;
    private static final int KEEP = 100;

    private ShownValue() {
    }

    public static String of(Object value, boolean full) {
        String s = String.valueOf(value);
        if (full || s.length() <= MAX_CHARS) {
            return s;
        }
        return s.substring(0, KEEP) + " ... (" + s.length() + " characters; --full-state shows all) ... "
                + s.substring(s.length() - KEEP);
    }
}
