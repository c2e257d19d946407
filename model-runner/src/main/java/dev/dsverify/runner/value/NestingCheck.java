package dev.dsverify.runner.value;

/**
 * Measures bracket nesting before the recursive parser sees the text, so that absurdly deep input fails
 * with a {@link ValueParseException} at the bracket that crosses the limit instead of a StackOverflowError.
 * Brackets inside string literals do not count.
 */
final class NestingCheck {
    private NestingCheck() {
    }

    /** Returns the deepest nesting found; throws when it exceeds {@code maxDepth}. */
    static int check(String text, int maxDepth) {
        int depth = 0;
        int deepest = 0;
        int line = 1;
        int column = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                inString = false; // TLC never prints a raw line break in a string; the parser reports it
                continue;
            }
            if (inString) {
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                    column++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[', '(' -> depth++;
                case '}', ']', ')' -> depth--;
                case '<' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '<') {
                        depth++;
                        i++;
                        column++;
                    }
                }
                case '>' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '>') {
                        depth--;
                        i++;
                        column++;
                    }
                }
                default -> {
                }
            }
            deepest = Math.max(deepest, depth);
            if (depth > maxDepth) {
                throw ValueParseException.at(text, line, column - (c == '<' ? 1 : 0),
                        "value nested deeper than " + maxDepth + " levels");
            }
        }
        return deepest;
    }
}
