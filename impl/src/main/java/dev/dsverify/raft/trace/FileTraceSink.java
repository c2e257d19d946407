package dev.dsverify.raft.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends one NDJSON line per event to a file, for servers running as real processes (each writes its own
 * file; the Lamport clocks let a merger order them). Thread-safe. A restarted process should continue its
 * clock from {@link #lastClock(Path)} so that clocks keep increasing across incarnations.
 */
public final class FileTraceSink implements TraceSink, AutoCloseable {
    private final Path file;
    private final BufferedWriter out;

    public FileTraceSink(Path file) {
        this.file = file;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open trace file " + file, e);
        }
    }

    @Override
    public synchronized void emit(TraceEvent event) {
        try {
            out.write(NdjsonTraceWriter.line(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to trace file " + file, e);
        }
    }

    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush trace file " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trace file " + file, e);
        }
    }

    /** The clock of the last complete line of an existing trace file, or 0. A torn last line is ignored. */
    public static long lastClock(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            ObjectMapper m = new ObjectMapper();
            for (int i = lines.size() - 1; i >= 0; i--) {
                try {
                    JsonNode n = m.readTree(lines.get(i));
                    if (n != null && n.has("clock")) {
                        return n.get("clock").asLong();
                    }
                } catch (IOException torn) {
                    // keep looking at earlier lines
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace file " + file, e);
        }
    }
}
