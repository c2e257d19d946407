package dev.dsverify.trace.replay;

/** The trace spec or the Raft spec it builds on could not be parsed or set up; the message holds TLC's words. */
public final class SpecLoadException extends Exception {
    public SpecLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
