package dev.dsverify.tracing;

import java.io.IOException;

/**
 * Where a tracer's lines go. A sink receives whole lines, each ending in a newline, and must write each one
 * with a single append so that lines never interleave: after a crash only the last line can be torn, which
 * readers discard as an unfinished write.
 */
public interface TraceSink extends AutoCloseable {
    /** Appends one whole line (UTF-8 JSON followed by {@code '\n'}). */
    void append(byte[] line) throws IOException;

    /** Makes every appended line durable (e.g. fsync); a no-op for sinks without durability. */
    default void sync() throws IOException {
    }

    @Override
    default void close() throws IOException {
    }
}
