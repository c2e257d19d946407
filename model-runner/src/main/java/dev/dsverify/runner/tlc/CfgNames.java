package dev.dsverify.runner.tlc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the names listed under a keyword of a TLC cfg file. TLC reports a violated temporal property
 * without naming it, so the names in the cfg are the only way to say which property failed.
 */
public final class CfgNames {
    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "INIT", "NEXT",
            "SPECIFICATION", "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CONSTRAINT", "CONSTRAINTS",
            "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "SYMMETRY", "VIEW", "CHECK_DEADLOCK", "ALIAS",
            "POSTCONDITION");

    private CfgNames() {
    }

    /** The names following PROPERTY or PROPERTIES. */
    public static List<String> properties(String cfg) {
        return namesAfter(cfg, Set.of("PROPERTY", "PROPERTIES"));
    }

    /** The names following INVARIANT or INVARIANTS. */
    public static List<String> invariants(String cfg) {
        return namesAfter(cfg, Set.of("INVARIANT", "INVARIANTS"));
    }

    /** The value of CHECK_DEADLOCK in the cfg, or null when it is not set. */
    public static Boolean checkDeadlock(String cfg) {
        List<String> v = namesAfter(cfg, Set.of("CHECK_DEADLOCK"));
        return v.isEmpty() ? null : Boolean.valueOf(v.get(0).equals("TRUE"));
    }

    static List<String> namesAfter(String cfg, Set<String> wanted) {
        List<String> names = new ArrayList<>();
        boolean collecting = false;
        for (String token : stripComments(cfg).split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (KEYWORDS.contains(token)) {
                collecting = wanted.contains(token);
            } else if (collecting) {
                names.add(token);
            }
        }
        return names;
    }

    private static String stripComments(String cfg) {
        StringBuilder out = new StringBuilder(cfg.length());
        int depth = 0;
        for (int i = 0; i < cfg.length(); i++) {
            char c = cfg.charAt(i);
            char n = i + 1 < cfg.length() ? cfg.charAt(i + 1) : 0;
            if (c == '(' && n == '*') {
                depth++;
                i++;
            } else if (depth > 0 && c == '*' && n == ')') {
                depth--;
                i++;
            } else if (depth > 0) {
                continue;
            } else if (c == '\\' && n == '*') {
                while (i < cfg.length() && cfg.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
