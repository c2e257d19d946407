package dev.dsverify.tracing;

/** A trace line could not be written, or an event was built against the tracing rules. */
public final class TraceException extends RuntimeException {
    public TraceException(String message) {
        super(message);
    }

    public TraceException(String message, Throwable cause) {
        super(message, cause);
    }
}
