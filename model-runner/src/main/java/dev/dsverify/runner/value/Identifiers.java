package dev.dsverify.runner.value;

import java.util.regex.Pattern;

/** TLA+ identifier rules, shared by record field names and model value names. */
final class Identifiers {
    /** Letters, digits and underscores with at least one letter: {@code 1a} is an identifier, {@code 12} not. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*");

    private Identifiers() {
    }

    static boolean isIdentifier(String s) {
        return IDENTIFIER.matcher(s).matches();
    }
}
