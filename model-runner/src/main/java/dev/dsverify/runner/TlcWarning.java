package dev.dsverify.runner;

import java.util.Objects;

/**
 * A warning that TLC, or its parser SANY, printed during a check. Warnings never change an outcome by
 * themselves, but they often say that the check covered less than it seems (symmetry or constraints with
 * liveness, an EXCEPT on a missing field, an operator override that was not used), so every one reaches the
 * user.
 *
 * @param code TLC's message code, one of the {@code tlc2.output.EC} constants, for a warning TLC frames as a
 *             severity-3 message; null for a warning SANY prints as plain text (semantic warnings, a PlusCal
 *             translation that no longer matches its algorithm), which has no code
 * @param text the warning as TLC worded it; several lines are joined with '\n'
 */
public record TlcWarning(Integer code, String text) {
    public TlcWarning {
        Objects.requireNonNull(text, "text");
    }

    /** "TLC 2279" or "SANY": who printed the warning, and under which code. */
    public String source() {
        return code == null ? "SANY" : "TLC " + code;
    }

    /** The text on one line, for logs that must not be broken up. */
    public String oneLine() {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
