package dev.dsverify.trace.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one NDJSON trace file and checks every line against the trace contract before anything is replayed,
 * so that a malformed log is reported as such (file, line, field) and never as a protocol divergence.
 */
public final class TraceReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Set<String> TOP_FIELDS = Set.of("schema", "clock", "node", "event", "msg", "reply", "state");
    private static final Set<String> ROLES = Set.of("Follower", "Candidate", "Leader");
    private static final Map<String, Set<String>> MESSAGE_FIELDS = Map.of(
            "RequestVoteRequest", Set.of("lastLogTerm", "lastLogIndex"),
            "RequestVoteResponse", Set.of("voteGranted"),
            "AppendEntriesRequest", Set.of("prevLogIndex", "prevLogTerm", "entries", "commitIndex"),
            "AppendEntriesResponse", Set.of("success", "matchIndex", "conflictIndex", "conflictTerm"),
            "InstallSnapshotRequest", Set.of("snapshotIndex", "snapshotTerm"),
            "InstallSnapshotResponse", Set.of("success", "matchIndex"),
            "PreVoteRequest", Set.of("lastLogTerm", "lastLogIndex"),
            "PreVoteResponse", Set.of("voteGranted"));
    private static final Set<String> COMMON_MESSAGE_FIELDS = Set.of("type", "from", "to", "term", "clock");

    private final String file;
    private int line;

    private TraceReader(String file) {
        this.file = file;
    }

    /** Reads and validates {@code path}; the file is named in errors as {@code path.toString()}. */
    public static List<TraceEvent> read(Path path) throws TraceFormatException {
        try (Lines lines = open(path)) {
            return lines.all();
        }
    }

    /** Reads and validates log text held in memory, named {@code name} in errors. */
    public static List<TraceEvent> read(String name, byte[] bytes) throws TraceFormatException {
        try (Lines lines = new Lines(new TraceReader(name), new LineSource(name, new ByteArrayInputStream(bytes)))) {
            return lines.all();
        }
    }

    /**
     * Opens {@code path} to read its events one at a time, each checked against the contract as it is read: a log
     * of any size is read in constant memory.
     */
    public static Lines open(Path path) throws TraceFormatException {
        try {
            return new Lines(new TraceReader(path.toString()), new LineSource(path.toString(), Files.newInputStream(path)));
        } catch (IOException e) {
            throw new TraceFormatException(path.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** The events of one file, read and validated one at a time. */
    public static final class Lines implements AutoCloseable {
        private final TraceReader reader;
        private final LineSource source;
        private int events;

        private Lines(TraceReader reader, LineSource source) {
            this.reader = reader;
            this.source = source;
        }

        /** The next event, or null after the last; a file without any event is bad input. */
        public TraceEvent next() throws TraceFormatException {
            LineSource.Line l = source.next();
            if (l == null) {
                if (events == 0) {
                    throw new TraceFormatException(reader.file, 0, null, "empty trace: no events");
                }
                return null;
            }
            reader.line = l.number();
            if (l.text().isBlank()) {
                throw reader.error(null, "empty line");
            }
            events++;
            return reader.parseLine(l.text(), l.lastWithoutNewline());
        }

        List<TraceEvent> all() throws TraceFormatException {
            List<TraceEvent> out = new ArrayList<>();
            for (TraceEvent e = next(); e != null; e = next()) {
                out.add(e);
            }
            return List.copyOf(out);
        }

        @Override
        public void close() {
            try {
                source.close();
            } catch (IOException e) {
                // reading is over; nothing was written
            }
        }
    }

    private TraceEvent parseLine(String text, boolean lastWithoutNewline) throws TraceFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (lastWithoutNewline) {
                throw error(null, "truncated last line (no newline at the end and not complete JSON): "
                        + e.getOriginalMessage());
            }
            throw error(null, "invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw error(null, "a line must be a JSON object");
        }
        ObjectNode obj = (ObjectNode) root;
        rejectUnknown(obj, TOP_FIELDS, "");
        long schema = integer(obj, "schema", "");
        if (schema != 1) {
            throw error("schema", "unsupported schema " + schema + " (expected 1)");
        }
        long clock = integer(obj, "clock", "");
        String node = string(obj, "node", "");
        String eventName = string(obj, "event", "");
        EventKind kind = EventKind.byName(eventName)
                .orElseThrow(() -> error("event", "unknown event '" + eventName + "'"));
        Message msg = null;
        if (kind.hasMsg()) {
            msg = message(obj, "msg");
            String expected = expectedMsgType(kind);
            if (expected != null && !expected.equals(msg.type())) {
                throw error("msg.type", kind + " carries a " + expected + ", not a " + msg.type());
            }
        } else if (obj.has("msg")) {
            throw error("msg", kind + " carries no message");
        }
        Message reply = null;
        if (kind.hasReply()) {
            reply = message(obj, "reply");
            String expected = switch (kind) {
                case HandleRequestVoteRequest -> "RequestVoteResponse";
                case HandleInstallSnapshotRequest -> "InstallSnapshotResponse";
                case HandlePreVoteRequest -> "PreVoteResponse";
                default -> "AppendEntriesResponse";
            };
            if (!expected.equals(reply.type())) {
                throw error("reply.type", kind + " replies with a " + expected + ", not a " + reply.type());
            }
        } else if (obj.has("reply")) {
            throw error("reply", kind + " sends no reply");
        }
        ObjectNode state = object(obj, "state", "");
        validateState(state);
        return new TraceEvent(file, line, text, clock, node, kind, msg, reply, state);
    }

    private static String expectedMsgType(EventKind kind) {
        return switch (kind) {
            case RequestVote, HandleRequestVoteRequest -> "RequestVoteRequest";
            case HandleRequestVoteResponse -> "RequestVoteResponse";
            case AppendEntries, HandleAppendEntriesRequest -> "AppendEntriesRequest";
            case HandleAppendEntriesResponse -> "AppendEntriesResponse";
            case InstallSnapshot, HandleInstallSnapshotRequest -> "InstallSnapshotRequest";
            case HandleInstallSnapshotResponse -> "InstallSnapshotResponse";
            case RequestPreVote, HandlePreVoteRequest -> "PreVoteRequest";
            case HandlePreVoteResponse -> "PreVoteResponse";
            default -> null; // UpdateTerm and the network events act on any message
        };
    }

    private Message message(ObjectNode parent, String name) throws TraceFormatException {
        ObjectNode m = object(parent, name, "");
        String p = name + ".";
        String type = string(m, "type", p);
        Set<String> extra = MESSAGE_FIELDS.get(type);
        if (extra == null) {
            throw error(p + "type", "unknown message type '" + type + "'");
        }
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!COMMON_MESSAGE_FIELDS.contains(f) && !extra.contains(f)) {
                throw error(p + f, "not a field of " + type);
            }
        }
        String from = string(m, "from", p);
        String to = string(m, "to", p);
        long term = integer(m, "term", p);
        long clock = integer(m, "clock", p);
        switch (type) {
            case "RequestVoteRequest", "PreVoteRequest" -> {
                integer(m, "lastLogTerm", p);
                integer(m, "lastLogIndex", p);
            }
            case "RequestVoteResponse", "PreVoteResponse" -> bool(m, "voteGranted", p);
            case "AppendEntriesRequest" -> {
                integer(m, "prevLogIndex", p);
                integer(m, "prevLogTerm", p);
                entries(m, "entries", p);
                integer(m, "commitIndex", p);
            }
            case "InstallSnapshotRequest" -> {
                integer(m, "snapshotIndex", p);
                integer(m, "snapshotTerm", p);
            }
            default -> {
                bool(m, "success", p);
                integer(m, "matchIndex", p);
                // the rejection hint: optional, for logs written before it existed (absent reads as 0, no hint)
                for (String hint : List.of("conflictIndex", "conflictTerm")) {
                    if (m.has(hint)) {
                        integer(m, hint, p);
                    }
                }
            }
        }
        return new Message(type, from, to, term, clock, m);
    }

    private void validateState(ObjectNode state) throws TraceFormatException {
        String p = "state.";
        for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            switch (name) {
                case "currentTerm", "commitIndex", "snapshotIndex", "snapshotTerm" -> integer(state, name, p);
                case "votedFor" -> {
                    if (!f.getValue().isNull()) {
                        string(state, name, p);
                    }
                }
                case "role" -> {
                    String role = string(state, name, p);
                    if (!ROLES.contains(role)) {
                        throw error(p + name, "unknown role '" + role + "'");
                    }
                }
                case "preCandidate" -> bool(state, name, p);
                case "votesGranted", "preVotesGranted" -> {
                    JsonNode arr = f.getValue();
                    if (!arr.isArray()) {
                        throw error(p + name, "expected an array of node ids");
                    }
                    for (int k = 0; k < arr.size(); k++) {
                        if (!arr.get(k).isTextual()) {
                            throw error(p + name + "[" + k + "]", "expected a node id string");
                        }
                    }
                }
                case "nextIndex", "matchIndex" -> {
                    ObjectNode map = object(state, name, p);
                    for (Iterator<String> ks = map.fieldNames(); ks.hasNext(); ) {
                        integer(map, ks.next(), p + name + ".");
                    }
                }
                case "log" -> {
                    ObjectNode log = object(state, name, p);
                    String lp = p + "log.";
                    rejectUnknown(log, Set.of("len", "from", "entries"), lp);
                    long len = integer(log, "len", lp);
                    long from = integer(log, "from", lp);
                    int n = entries(log, "entries", lp);
                    if (from < 1 || from > len + 1) {
                        throw error(lp + "from", "must be in 1.." + (len + 1) + ", is " + from);
                    }
                    if (n != len - from + 1) {
                        throw error(lp + "entries", "holds " + n + " entries, but from=" + from + " and len=" + len
                                + " need " + (len - from + 1));
                    }
                }
                default -> throw error(p + name, "not a spec variable of the contract");
            }
        }
    }

    private int entries(ObjectNode parent, String name, String p) throws TraceFormatException {
        JsonNode arr = parent.get(name);
        if (arr == null) {
            throw error(p + name, "missing");
        }
        if (!arr.isArray()) {
            throw error(p + name, "expected an array of {term, value}");
        }
        for (int k = 0; k < arr.size(); k++) {
            JsonNode e = arr.get(k);
            String ep = p + name + "[" + k + "].";
            if (!e.isObject()) {
                throw error(p + name + "[" + k + "]", "expected an object {term, value}");
            }
            rejectUnknown((ObjectNode) e, Set.of("term", "value"), ep);
            integer((ObjectNode) e, "term", ep);
            string((ObjectNode) e, "value", ep);
        }
        return arr.size();
    }

    private void rejectUnknown(ObjectNode obj, Set<String> known, String p) throws TraceFormatException {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw error(p + f, "unknown field");
            }
        }
    }

    private long integer(ObjectNode obj, String name, String p) throws TraceFormatException {
        JsonNode v = obj.get(name);
        if (v == null) {
            throw error(p + name, "missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(p + name, "expected an integer, found " + describe(v));
        }
        if (v.intValue() < 0) {
            throw error(p + name, "must not be negative");
        }
        return v.intValue();
    }

    private String string(ObjectNode obj, String name, String p) throws TraceFormatException {
        JsonNode v = obj.get(name);
        if (v == null) {
            throw error(p + name, "missing");
        }
        if (!v.isTextual()) {
            throw error(p + name, "expected a string, found " + describe(v));
        }
        return v.textValue();
    }

    private boolean bool(ObjectNode obj, String name, String p) throws TraceFormatException {
        JsonNode v = obj.get(name);
        if (v == null) {
            throw error(p + name, "missing");
        }
        if (!v.isBoolean()) {
            throw error(p + name, "expected true or false, found " + describe(v));
        }
        return v.booleanValue();
    }

    private ObjectNode object(ObjectNode obj, String name, String p) throws TraceFormatException {
        JsonNode v = obj.get(name);
        if (v == null) {
            throw error(p + name, "missing");
        }
        if (!v.isObject()) {
            throw error(p + name, "expected an object, found " + describe(v));
        }
        return (ObjectNode) v;
    }

    private static String describe(JsonNode v) {
        String s = v.toString();
        return v.getNodeType().toString().toLowerCase() + " " + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
    }

    private TraceFormatException error(String field, String problem) {
        return new TraceFormatException(file, line, field, problem);
    }
}
