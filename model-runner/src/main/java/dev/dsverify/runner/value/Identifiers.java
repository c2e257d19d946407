package dev.dsverify.runner.value;

/**
 * Which strings TLC treats as names. TLC prints a function whose keys are all such strings as a record
 * ({@code [é |-> 1]}) and any other string-keyed function as {@code ("a b" :> 1)}; the rule below is the one
 * TLC 2.18 applies (checked against its output): only letters, digits and underscores, at least one letter,
 * and not a {@code WF_}/{@code SF_} fairness prefix followed by more characters.
 */
final class Identifiers {
    private Identifiers() {
    }

    static boolean isIdentifier(String s) {
        boolean hasLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                return false;
            }
            hasLetter |= Character.isLetter(c);
        }
        return hasLetter && !(s.length() >= 4 && (s.startsWith("WF_") || s.startsWith("SF_")));
    }
}
