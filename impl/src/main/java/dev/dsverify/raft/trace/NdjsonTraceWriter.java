package dev.dsverify.raft.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.InstallSnapshotRequest;
import dev.dsverify.raft.core.InstallSnapshotResponse;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.PreVoteRequest;
import dev.dsverify.raft.core.PreVoteResponse;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.core.RequestVoteResponse;
import dev.dsverify.raft.storage.AtomicFile;
import dev.dsverify.tracing.TraceLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes trace events as NDJSON in the format of specs/raft/TRACE-CONTRACT.md (schema 1), through the tracing
 * library's {@link TraceLine}: the line's envelope and field order are defined once, there; this class says
 * only how Raft's messages and state changes are written.
 */
public final class NdjsonTraceWriter {
    public static final int SCHEMA = 1;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NdjsonTraceWriter() {}

    /**
     * Writes every event to {@code file} atomically ({@link AtomicFile}: temp file, fsync, rename): a reader
     * never sees half a trace.
     */
    public static void writeAtomically(List<TraceEvent> events, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, out -> write(events, out));
    }

    public static void write(List<TraceEvent> events, OutputStream out) throws IOException {
        for (TraceEvent e : events) {
            out.write(traceLine(e).toBytes());
        }
        out.flush();
    }

    /** One event as a single JSON line (no newline). */
    public static String line(TraceEvent e) {
        return traceLine(e).toJson();
    }

    /**
     * The event in the tracing library's one line shape (schema, clock, node, event, msg, reply, state); the
     * Raft contract always has {@code state}, empty when the step changed no variable.
     */
    public static TraceLine traceLine(TraceEvent e) {
        TraceLine l = TraceLine.of(e.node(), e.event().name(), e.clock()).schema(SCHEMA).alwaysState();
        if (e.msg() != null) {
            l.msg(message(e.msg()));
        }
        if (e.reply() != null) {
            l.reply(message(e.reply()));
        }
        StateChange s = e.state() == null ? StateChange.NONE : e.state();
        if (s.currentTerm() != null) {
            l.state("currentTerm", F.numberNode(s.currentTerm()));
        }
        if (s.votedForSet()) {
            // The contract's one null: no vote.
            l.state("votedFor", s.votedFor() == null ? F.nullNode() : F.textNode(s.votedFor()));
        }
        if (s.log() != null) {
            ObjectNode log = F.objectNode();
            log.put("len", s.log().len());
            log.put("from", s.log().from());
            log.set("entries", entries(s.log().entries()));
            l.state("log", log);
        }
        if (s.role() != null) {
            l.state("role", F.textNode(s.role().name()));
        }
        if (s.commitIndex() != null) {
            l.state("commitIndex", F.numberNode(s.commitIndex()));
        }
        if (s.votesGranted() != null) {
            ArrayNode a = F.arrayNode();
            s.votesGranted().forEach(a::add);
            l.state("votesGranted", a);
        }
        if (s.nextIndex() != null) {
            l.state("nextIndex", indexMap(s.nextIndex()));
        }
        if (s.matchIndex() != null) {
            l.state("matchIndex", indexMap(s.matchIndex()));
        }
        if (s.snapshotIndex() != null) {
            l.state("snapshotIndex", F.numberNode(s.snapshotIndex()));
            l.state("snapshotTerm", F.numberNode(s.snapshotTerm()));
        }
        if (s.preCandidate() != null) {
            l.state("preCandidate", F.booleanNode(s.preCandidate()));
        }
        if (s.preVotesGranted() != null) {
            ArrayNode a = F.arrayNode();
            s.preVotesGranted().forEach(a::add);
            l.state("preVotesGranted", a);
        }
        return l;
    }

    private static ObjectNode message(Message m) {
        ObjectNode o = F.objectNode();
        o.put("type", m.type());
        o.put("from", m.from());
        o.put("to", m.to());
        o.put("term", m.term());
        o.put("clock", m.clock());
        if (m instanceof RequestVoteRequest r) {
            o.put("lastLogTerm", r.lastLogTerm());
            o.put("lastLogIndex", r.lastLogIndex());
        } else if (m instanceof RequestVoteResponse r) {
            o.put("voteGranted", r.voteGranted());
        } else if (m instanceof AppendEntriesRequest r) {
            o.put("prevLogIndex", r.prevLogIndex());
            o.put("prevLogTerm", r.prevLogTerm());
            o.set("entries", entries(r.entries()));
            o.put("commitIndex", r.commitIndex());
        } else if (m instanceof PreVoteRequest r) {
            o.put("lastLogTerm", r.lastLogTerm());
            o.put("lastLogIndex", r.lastLogIndex());
        } else if (m instanceof PreVoteResponse r) {
            o.put("voteGranted", r.voteGranted());
        } else if (m instanceof AppendEntriesResponse r) {
            o.put("success", r.success());
            o.put("matchIndex", r.matchIndex());
            o.put("conflictIndex", r.conflictIndex());
            o.put("conflictTerm", r.conflictTerm());
        } else if (m instanceof InstallSnapshotRequest r) {
            // the snapshot by its point; its data (the state machine) is no part of the contract
            o.put("snapshotIndex", r.snapshot().index());
            o.put("snapshotTerm", r.snapshot().term());
        } else if (m instanceof InstallSnapshotResponse r) {
            o.put("success", r.success());
            o.put("matchIndex", r.matchIndex());
        }
        return o;
    }

    private static ArrayNode entries(List<Entry> entries) {
        ArrayNode a = F.arrayNode();
        for (Entry en : entries) {
            ObjectNode o = a.addObject();
            o.put("term", en.term());
            o.put("value", en.value());
        }
        return a;
    }

    private static ObjectNode indexMap(Map<String, Long> m) {
        ObjectNode o = F.objectNode();
        m.forEach(o::put);
        return o;
    }
}
