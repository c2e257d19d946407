package dev.dsverify.runner.report;

/**
 * Escaping for text that comes from specs, TLC or file names. Every such string goes through
 * {@link #text(String)} before it reaches the page, in element content, attributes and SVG alike, so a spec
 * string such as {@code "<script>"} is shown as text and never interpreted.
 */
final class Html {
    private Html() {
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters other than tab and newline are not allowed in HTML text; TLC strings
                    // can contain them, so show them as escapes instead of dropping them silently.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A string usable as an id or CSS class fragment: letters, digits and '-' only. */
    static String id(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '-');
        }
        return sb.toString();
    }
}
