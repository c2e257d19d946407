package dev.dsverify.raft.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.core.RequestVoteResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes trace events as NDJSON in the format of specs/raft/TRACE-CONTRACT.md (schema 1), fields in the
 * contract's order. Uses Jackson's streaming generator so the field order is exactly the one written here.
 */
public final class NdjsonTraceWriter {
    public static final int SCHEMA = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private NdjsonTraceWriter() {}

    /** Writes every event to {@code file} atomically: a temp file in the same directory, then a rename. */
    public static void writeAtomically(List<TraceEvent> events, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(events, out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(List<TraceEvent> events, OutputStream out) throws IOException {
        for (TraceEvent e : events) {
            try (JsonGenerator g = FACTORY.createGenerator(new NonClosing(out), JsonEncoding.UTF8)) {
                writeEvent(g, e);
            }
            out.write('\n');
        }
        out.flush();
    }

    /** One event as a single JSON line (no newline). */
    public static String line(TraceEvent e) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(buf, JsonEncoding.UTF8)) {
            writeEvent(g, e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static void writeEvent(JsonGenerator g, TraceEvent e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schema", SCHEMA);
        g.writeNumberField("clock", e.clock());
        g.writeStringField("node", e.node());
        g.writeStringField("event", e.event().name());
        if (e.msg() != null) {
            g.writeFieldName("msg");
            writeMessage(g, e.msg());
        }
        if (e.reply() != null) {
            g.writeFieldName("reply");
            writeMessage(g, e.reply());
        }
        g.writeFieldName("state");
        writeState(g, e.state() == null ? StateChange.NONE : e.state());
        g.writeEndObject();
    }

    private static void writeMessage(JsonGenerator g, Message m) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", m.type());
        g.writeStringField("from", m.from());
        g.writeStringField("to", m.to());
        g.writeNumberField("term", m.term());
        g.writeNumberField("clock", m.clock());
        if (m instanceof RequestVoteRequest r) {
            g.writeNumberField("lastLogTerm", r.lastLogTerm());
            g.writeNumberField("lastLogIndex", r.lastLogIndex());
        } else if (m instanceof RequestVoteResponse r) {
            g.writeBooleanField("voteGranted", r.voteGranted());
        } else if (m instanceof AppendEntriesRequest r) {
            g.writeNumberField("prevLogIndex", r.prevLogIndex());
            g.writeNumberField("prevLogTerm", r.prevLogTerm());
            g.writeFieldName("entries");
            writeEntries(g, r.entries());
            g.writeNumberField("commitIndex", r.commitIndex());
        } else if (m instanceof AppendEntriesResponse r) {
            g.writeBooleanField("success", r.success());
            g.writeNumberField("matchIndex", r.matchIndex());
        }
        g.writeEndObject();
    }

    private static void writeEntries(JsonGenerator g, List<Entry> entries) throws IOException {
        g.writeStartArray();
        for (Entry en : entries) {
            g.writeStartObject();
            g.writeNumberField("term", en.term());
            g.writeStringField("value", en.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeState(JsonGenerator g, StateChange s) throws IOException {
        g.writeStartObject();
        if (s.currentTerm() != null) g.writeNumberField("currentTerm", s.currentTerm());
        if (s.votedForSet()) {
            if (s.votedFor() == null) g.writeNullField("votedFor");
            else g.writeStringField("votedFor", s.votedFor());
        }
        if (s.log() != null) {
            g.writeFieldName("log");
            g.writeStartObject();
            g.writeNumberField("len", s.log().len());
            g.writeNumberField("from", s.log().from());
            g.writeFieldName("entries");
            writeEntries(g, s.log().entries());
            g.writeEndObject();
        }
        if (s.role() != null) g.writeStringField("role", s.role().name());
        if (s.commitIndex() != null) g.writeNumberField("commitIndex", s.commitIndex());
        if (s.votesGranted() != null) {
            g.writeFieldName("votesGranted");
            g.writeStartArray();
            for (String v : s.votesGranted()) g.writeString(v);
            g.writeEndArray();
        }
        if (s.nextIndex() != null) writeIndexMap(g, "nextIndex", s.nextIndex());
        if (s.matchIndex() != null) writeIndexMap(g, "matchIndex", s.matchIndex());
        g.writeEndObject();
    }

    private static void writeIndexMap(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
        for (Map.Entry<String, Long> e : m.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    /** Lets one generator per line write to a shared stream without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
