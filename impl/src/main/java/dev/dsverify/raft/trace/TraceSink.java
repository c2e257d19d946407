package dev.dsverify.raft.trace;

/**
 * Receives trace events. Servers ask {@link #enabled()} once and skip building events entirely when it is
 * false, so a disabled trace costs one boolean test per step.
 */
public interface TraceSink {
    void emit(TraceEvent event);

    default boolean enabled() {
        return true;
    }

    /** A sink that records nothing. */
    TraceSink OFF = new TraceSink() {
        @Override
        public void emit(TraceEvent event) {}

        @Override
        public boolean enabled() {
            return false;
        }
    };
}
