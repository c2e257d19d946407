package dev.dsverify.tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps lines in memory: for simulations that write a trace file at the end, and for tests. */
public final class MemorySink implements TraceSink {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void append(byte[] line) {
        assert line.length > 0 && line[line.length - 1] == '\n' : "a sink takes whole lines";
        lines.add(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
    }

    /** The lines so far, without their newlines. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines as NDJSON text. */
    public synchronized String text() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
