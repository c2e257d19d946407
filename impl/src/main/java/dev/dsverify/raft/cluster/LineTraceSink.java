package dev.dsverify.raft.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.raft.trace.TraceEvent;
import dev.dsverify.raft.trace.TraceSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A node process's trace file: contract lines collect in memory and reach the file only whole, by
 * {@link #flush()}, which the node calls after each fsync of its storage and before it sends that step's
 * messages. So a process killed at any moment leaves a file of complete lines that describes no more than what
 * its storage holds and every message its peers received. Opening a file whose last line is torn (a kill in
 * the middle of a write) cuts that line off before appending, so a torn line can never end up mid-file.
 * The file is not fsynced: it survives the process, not the machine.
 */
public final class LineTraceSink implements TraceSink, AutoCloseable {
    private final Path file;
    private final FileChannel ch;
    private final long lastClock;
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 14);

    public LineTraceSink(Path file) {
        this.file = file;
        try {
            this.ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long keep = lengthOfWholeLines(ch);
            if (keep < ch.size()) {
                ch.truncate(keep);
            }
            ch.position(keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open trace file " + file + ": " + e.getMessage(), e);
        }
        this.lastClock = lastClockIn(file);
    }

    /** The clock of the last line already in the file (0 for a new file): a restarted node continues from it. */
    public long lastClock() {
        return lastClock;
    }

    @Override
    public synchronized void emit(TraceEvent event) {
        byte[] line = NdjsonTraceWriter.line(event).getBytes(StandardCharsets.UTF_8);
        pending.write(line, 0, line.length);
        pending.write('\n');
    }

    /** Appends the collected lines with one write. */
    public synchronized void flush() {
        if (pending.size() == 0) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(pending.toByteArray());
        try {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to trace file " + file + ": " + e.getMessage(), e);
        }
        if (pending.size() > 1 << 20) {
            pending = new ByteArrayOutputStream(1 << 14); // let a burst's buffer go
        } else {
            pending.reset();
        }
    }

    @Override
    public synchronized void close() {
        try {
            flush();
        } finally {
            try {
                ch.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close trace file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The clock of the last line that parses (0 for an empty file). */
    private static long lastClockIn(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            ObjectMapper m = new ObjectMapper();
            for (int i = lines.size() - 1; i >= 0; i--) {
                try {
                    JsonNode n = m.readTree(lines.get(i));
                    if (n != null && n.has("clock")) {
                        return n.get("clock").asLong();
                    }
                } catch (IOException unreadable) {
                    // keep looking at earlier lines
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Length of the prefix that ends with a newline (the whole file if it does). */
    static long lengthOfWholeLines(FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer b = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            int n = (int) Math.min(b.capacity(), end);
            b.clear().limit(n);
            long start = end - n;
            while (b.hasRemaining()) {
                if (ch.read(b, start + b.position()) < 0) {
                    break;
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (b.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
