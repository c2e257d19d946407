package dev.dsverify.runner.report;

import java.util.Objects;

/**
 * Tells the HTML report which variable holds the messages in flight and which record fields name the sender,
 * the receiver and the kind of message, for specs whose names the automatic detection does not know.
 *
 * <p>Specs with a coordinator often leave it out of the messages: in two-phase commit {@code [type |->
 * "Prepared", rm |-> r]} goes to the transaction manager and {@code [type |-> "Commit"]} comes from it; in
 * Paxos phase 1a and 2a messages carry no sender. With a {@code coordinator} name, a message without the
 * sender field comes from the coordinator, and a message without the receiver field goes to the
 * coordinator, or to everyone when the coordinator sent it.
 *
 * @param variable    the variable holding a set, sequence or bag of message records
 * @param fromField   the field naming the sender
 * @param toField     the field naming the receiver; null when messages name none
 * @param labelField  the field shown on the arrow (for example {@code mtype}); null for none
 * @param coordinator the lifeline of the process messages leave out, or null
 */
public record MessageHint(String variable, String fromField, String toField, String labelField,
                          String coordinator) {
    public MessageHint {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(fromField, "fromField");
    }

    public MessageHint(String variable, String fromField, String toField, String labelField) {
        this(variable, fromField, toField, labelField, null);
    }

    /**
     * Parses {@code variable:from:to[:label[:coordinator]]}, the form used on command lines and in POMs;
     * empty parts are absent (e.g. {@code msgs:rm::type:TM} for two-phase commit).
     */
    public static MessageHint parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 3 || parts.length > 5 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("message hint '" + text
                    + "' must be variable:fromField:toField[:labelField[:coordinator]],"
                    + " e.g. messages:msource:mdest:mtype or msgs:rm::type:TM");
        }
        return new MessageHint(parts[0].trim(), parts[1].trim(), part(parts, 2), part(parts, 3), part(parts, 4));
    }

    private static String part(String[] parts, int i) {
        return parts.length > i && !parts[i].isBlank() ? parts[i].trim() : null;
    }
}
