package dev.dsverify.runner.value;

/**
 * Text that is not a TLA+ value as TLC prints it. Carries the 1-based line and column of the first problem,
 * so that a caller reading a TLC log can point at the exact place; the message also shows the offending line
 * with a caret under the column.
 */
public final class ValueParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;
    private final String snippet;

    public ValueParseException(String reason, int line, int column, String snippet) {
        super(format(reason, line, column, snippet));
        this.reason = reason;
        this.line = line;
        this.column = column;
        this.snippet = snippet;
    }

    /** Builds the exception for a 1-based line and column of {@code text}, quoting that line. */
    static ValueParseException at(String text, int line, int column, String reason) {
        return new ValueParseException(reason, line, column, snippet(text, line, column));
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column (in characters) of the problem. */
    public int column() {
        return column;
    }

    /** The offending line (shortened around the column when long) and a caret line, or "" if unknown. */
    public String snippet() {
        return snippet;
    }

    private static String format(String reason, int line, int column, String snippet) {
        String head = "line " + line + ", column " + column + ": " + reason;
        return snippet.isEmpty() ? head : head + System.lineSeparator() + snippet;
    }

    /** Quotes at most ~80 characters of the line around the column: TLC prints huge values on one line. */
    private static String snippet(String text, int line, int column) {
        // Lines as the lexer counts them: only \n ends a line.
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return "";
        }
        String l = lines[line - 1];
        if (l.endsWith("\r")) {
            l = l.substring(0, l.length() - 1);
        }
        int col = Math.max(0, Math.min(column - 1, l.length()));
        int from = Math.max(0, col - 40);
        int to = Math.min(l.length(), col + 40);
        String prefix = from > 0 ? "..." : "";
        String suffix = to < l.length() ? "..." : "";
        String shown = prefix + l.substring(from, to).replace('\t', ' ') + suffix;
        return "  " + shown + System.lineSeparator() + "  " + " ".repeat(prefix.length() + col - from) + "^";
    }
}
