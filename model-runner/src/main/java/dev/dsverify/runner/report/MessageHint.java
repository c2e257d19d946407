package dev.dsverify.runner.report;

import java.util.Objects;

/**
 * Tells the HTML report which variable holds the messages in flight and which record fields name the sender,
 * the receiver and the kind of message, for specs whose names the automatic detection does not know.
 *
 * @param variable   the variable holding a set, sequence or bag of message records
 * @param fromField  the field naming the sender
 * @param toField    the field naming the receiver; null for broadcasts (drawn to every other process)
 * @param labelField the field shown on the arrow (for example {@code mtype}); null for none
 */
public record MessageHint(String variable, String fromField, String toField, String labelField) {
    public MessageHint {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(fromField, "fromField");
    }

    /**
     * Parses {@code variable:from:to[:label]}, the form used on command lines and in POMs; an empty
     * {@code to} means broadcast.
     */
    public static MessageHint parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 3 || parts.length > 4 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("message hint '" + text
                    + "' must be variable:fromField:toField[:labelField], e.g. messages:msource:mdest:mtype");
        }
        return new MessageHint(parts[0], parts[1], parts[2].isBlank() ? null : parts[2],
                parts.length == 4 && !parts[3].isBlank() ? parts[3] : null);
    }
}
