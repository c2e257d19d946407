package dev.dsverify.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.runner.value.TlaValue;
import dev.dsverify.runner.value.TlaValueJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JSON form of a {@link ModelCheckResult}, written by {@code dsverify check --json} and read back by
 * reports. The schema is documented in model-runner/README.md; {@code "schema": 1} marks this version.
 * Files are written atomically (a temporary file in the same directory, then a rename).
 */
public final class ResultJson {
    public static final int SCHEMA = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A result as stored, with the expectation it was checked against (null outside a catalog run). */
    public record Document(ModelCheckResult result, Expectation expected) {
        /** Whether the result matches its expectation; without one, whether it is a success. */
        public boolean asExpected() {
            return expected == null ? result.outcome() == Outcome.SUCCESS : expected.matches(result);
        }
    }

    private ResultJson() {
    }

    public static ObjectNode toJson(ModelCheckResult r, Expectation expected) {
        ObjectNode o = NODES.objectNode();
        o.put("schema", SCHEMA);
        o.put("name", r.name());
        o.put("outcome", r.outcome().jsonName());
        o.put("violated", r.violated());
        o.put("message", r.message());
        if (r.errorPosition() == null) {
            o.putNull("errorPosition");
        } else {
            ObjectNode p = o.putObject("errorPosition");
            p.put("file", r.errorPosition().file());
            p.put("line", r.errorPosition().line());
            p.put("column", r.errorPosition().column());
        }
        if (expected == null) {
            o.putNull("expected");
        } else {
            ObjectNode e = o.putObject("expected");
            e.put("outcome", expected.outcome().jsonName());
            e.put("violated", expected.violated());
        }
        o.put("asExpected", new Document(r, expected).asExpected());
        Stats s = r.stats();
        ObjectNode st = o.putObject("stats");
        st.put("generatedStates", s.generatedStates());
        st.put("distinctStates", s.distinctStates());
        st.put("depth", s.depth());
        st.put("statesLeftOnQueue", s.statesLeftOnQueue());
        st.put("durationMillis", s.duration().toMillis());
        st.put("distinctStatesPerSecond", Math.round(s.distinctStatesPerSecond() * 10) / 10.0);
        ArrayNode trace = o.putArray("trace");
        for (TraceState t : r.trace()) {
            ObjectNode n = trace.addObject();
            n.put("number", t.number());
            n.put("action", t.action());
            if (t.call() != null) {
                n.put("call", t.call());
            }
            putRange(n, "location", t.location());
            ObjectNode vars = n.putObject("vars");
            t.vars().forEach((k, v) -> vars.set(k, valueToJson(v)));
        }
        if (r.loopsBackTo() == null) {
            o.putNull("loopsBackTo");
        } else {
            o.put("loopsBackTo", r.loopsBackTo());
        }
        o.put("stuttering", r.stuttering());
        ArrayNode cov = o.putArray("coverage");
        for (ActionCoverage c : r.coverage()) {
            ObjectNode n = cov.addObject();
            n.put("action", c.action());
            putRange(n, "location", c.location());
            n.put("distinct", c.distinct());
            n.put("generated", c.generated());
        }
        o.put("tlcExitCode", r.tlcExitCode());
        ArrayNode warnings = o.putArray("warnings");
        for (TlcWarning w : r.warnings()) {
            ObjectNode n = warnings.addObject();
            if (w.code() == null) {
                n.putNull("code");
            } else {
                n.put("code", w.code());
            }
            n.put("source", w.code() == null ? "SANY" : "TLC");
            n.put("text", w.text());
        }
        if (r.fingerprint() == null) {
            o.putNull("fingerprint");
        } else {
            o.put("fingerprint", r.fingerprint());
        }
        if (r.seed() == null) {
            o.putNull("seed");
        } else {
            o.put("seed", r.seed());
        }
        return o;
    }

    public static String toJsonString(ModelCheckResult r, Expectation expected) {
        try {
            return MAPPER.writeValueAsString(toJson(r, expected)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes atomically: readers never see a half-written file. */
    public static void write(Path file, ModelCheckResult r, Expectation expected) throws IOException {
        writeAtomically(file, toJsonString(r, expected));
    }

    /**
     * Writes text to a temporary sibling, then renames it over {@code file}. The sibling is created the way any
     * new file is, so the process umask decides its permissions (0644 under umask 022), not
     * {@link Files#createTempFile}'s fixed 0600 that would make a report unreadable to the CI user serving it.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                Files.writeString(candidate, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                tmp = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            } catch (IOException e) {
                Files.deleteIfExists(candidate);
                throw e;
            }
        }
        try {
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Document read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        try {
            return fromJson(root);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a dsverify result: " + e.getMessage(), e);
        }
    }

    public static Document fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        int schema = o.path("schema").asInt(-1);
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("unsupported schema " + o.path("schema"));
        }
        JsonNode p = o.path("errorPosition");
        SourcePosition pos = p.isObject()
                ? new SourcePosition(text(p, "file"), p.path("line").asInt(), p.path("column").asInt())
                : null;
        JsonNode e = o.path("expected");
        Expectation expected = e.isObject()
                ? new Expectation(Outcome.fromJsonName(required(e, "outcome")), text(e, "violated"))
                : null;
        JsonNode s = o.path("stats");
        Stats stats = new Stats(s.path("generatedStates").asLong(-1), s.path("distinctStates").asLong(-1),
                s.path("depth").asLong(-1), s.path("statesLeftOnQueue").asLong(-1),
                Duration.ofMillis(s.path("durationMillis").asLong(0)), s.path("distinctStatesPerSecond").asDouble(0));
        List<TraceState> trace = new ArrayList<>();
        for (JsonNode t : o.path("trace")) {
            Map<String, TlaValue> vars = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = t.path("vars").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                vars.put(v.getKey(), valueFromJson(v.getValue()));
            }
            trace.add(new TraceState(t.path("number").asInt(), text(t, "action"), range(t.path("location")), vars,
                    text(t, "call")));
        }
        List<ActionCoverage> coverage = new ArrayList<>();
        for (JsonNode c : o.path("coverage")) {
            coverage.add(new ActionCoverage(text(c, "action"), range(c.path("location")), c.path("distinct").asLong(),
                    c.path("generated").asLong()));
        }
        List<TlcWarning> warnings = new ArrayList<>();
        for (JsonNode w : o.path("warnings")) {
            JsonNode code = w.path("code");
            warnings.add(new TlcWarning(code.isInt() ? code.intValue() : null, required(w, "text")));
        }
        JsonNode back = o.path("loopsBackTo");
        ModelCheckResult r = new ModelCheckResult(required(o, "name"), Outcome.fromJsonName(required(o, "outcome")),
                text(o, "violated"), text(o, "message"), pos, stats, trace, back.isInt() ? back.intValue() : null,
                o.path("stuttering").asBoolean(false), coverage, o.path("tlcExitCode").asInt(-1), warnings,
                o.path("fingerprint").isInt() ? o.path("fingerprint").intValue() : null,
                o.path("seed").isIntegralNumber() ? o.path("seed").longValue() : null);
        return new Document(r, expected);
    }

    private static void putRange(ObjectNode n, String field, SourceRange r) {
        if (r == null) {
            n.putNull(field);
            return;
        }
        ObjectNode l = n.putObject(field);
        l.put("module", r.module());
        l.put("line", r.line());
        l.put("column", r.column());
        l.put("endLine", r.endLine());
        l.put("endColumn", r.endColumn());
    }

    private static SourceRange range(JsonNode l) {
        if (!l.isObject()) {
            return null;
        }
        return new SourceRange(text(l, "module"), l.path("line").asInt(), l.path("column").asInt(),
                l.path("endLine").asInt(), l.path("endColumn").asInt());
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode o, String field) {
        String v = text(o, field);
        if (v == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    static JsonNode valueToJson(TlaValue v) {
        return TlaValueJson.toJson(v);
    }

    static TlaValue valueFromJson(JsonNode n) {
        return TlaValueJson.fromJson(n);
    }
}
