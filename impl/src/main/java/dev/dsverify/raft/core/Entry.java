package dev.dsverify.raft.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One log entry: the term in which a leader created it and an opaque command.
 * An empty command is a leader's no-op. The array is never mutated after construction.
 */
public record Entry(long term, byte[] data) {

    public static Entry of(long term, String value) {
        return new Entry(term, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The command as the trace's {@code value} string (UTF-8 decoded; equal commands give equal strings). */
    public String value() {
        return new String(data, StandardCharsets.UTF_8);
    }

    public boolean isNoop() {
        return data.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && e.term == term && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(term) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Entry[term=" + term + ", value=" + value() + "]";
    }
}
