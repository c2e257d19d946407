package dev.dsverify.trace.log;

/**
 * A trace that does not follow the contract or cannot be put into one causal order. The message names the
 * file, the 1-based line and, where there is one, the offending field, so a user can fix the log.
 */
public final class TraceFormatException extends Exception {
    private final String file;
    private final int line;
    private final String field;

    public TraceFormatException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field != null ? ": field '" + field + "'" : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The JSON field (dotted path such as {@code msg.term}), or null. */
    public String field() {
        return field;
    }
}
