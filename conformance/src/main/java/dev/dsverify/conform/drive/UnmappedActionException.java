package dev.dsverify.conform.drive;

import java.util.Collection;

/** The spec has an action that {@link ActionTable} has no input for. */
public final class UnmappedActionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String action;

    public UnmappedActionException(String action, Collection<String> known) {
        super("conform does not know how to drive action " + action + " (it drives " + String.join(", ", known)
                + "): add it to ActionTable");
        this.action = action;
    }

    public String action() {
        return action;
    }
}
