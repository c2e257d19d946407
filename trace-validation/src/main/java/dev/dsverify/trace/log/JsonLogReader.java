package dev.dsverify.trace.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an NDJSON log of any system into TLA+ values, one record per line. The mapping (documented in
 * trace-validation/README.md, "Logs of any system"): object → record, array → sequence (tuple), string → string,
 * integer → integer, true/false → boolean, null → the model value {@code TraceNull} (TraceValidation.tla).
 * Fractional numbers and integers outside TLC's integer range (32-bit) have no TLA+ value here and are rejected
 * with file, line and field, never silently changed. A last
 * line without its newline that is not complete JSON is what a crash in the middle of a write leaves: it is ignored
 * (the step it began was never logged), as the tracing library promises; any other malformed line is bad input.
 */
public final class JsonLogReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private final String file;
    private int line;

    private JsonLogReader(String file) {
        this.file = file;
    }

    /** Reads {@code path}; the file is named in errors as {@code path.toString()}. */
    public static List<LogRecord> read(Path path) throws TraceFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new TraceFormatException(path.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return read(path.toString(), bytes);
    }

    /** Reads log text held in memory, named {@code name} in errors. */
    public static List<LogRecord> read(String name, byte[] bytes) throws TraceFormatException {
        return new JsonLogReader(name).parse(bytes);
    }

    /**
     * The TLA+ value of a line already parsed (and checked against a stricter format) elsewhere: the same value
     * {@link #read} gives for the line {@code root} was parsed from.
     */
    public static Value value(String file, int line, JsonNode root) throws TraceFormatException {
        JsonLogReader r = new JsonLogReader(file);
        r.line = line;
        return r.encode(root, "");
    }

    private List<LogRecord> parse(byte[] bytes) throws TraceFormatException {
        List<LogRecord> out = new ArrayList<>();
        LineSource lines = new LineSource(file, new java.io.ByteArrayInputStream(bytes));
        for (LineSource.Line l = lines.next(); l != null; l = lines.next()) {
            line = l.number();
            if (l.text().isBlank()) {
                throw error(null, "empty line");
            }
            if (l.lastWithoutNewline() && torn(l.text())) {
                break; // what a crash in the middle of a write leaves: the step was never completely logged
            }
            out.add(parseLine(l.text(), l.lastWithoutNewline()));
        }
        if (out.isEmpty()) {
            throw new TraceFormatException(file, 0, null, "empty trace: no events");
        }
        return List.copyOf(out);
    }

    /** A last line without its newline that is not complete JSON. */
    private static boolean torn(String text) {
        try {
            JSON.readTree(text);
            return false;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private LogRecord parseLine(String text, boolean lastWithoutNewline) throws TraceFormatException {
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
        Value value = encode(root, "");
        Long clock = null;
        JsonNode c = root.get("clock");
        if (c != null) {
            if (!c.isIntegralNumber() || !c.canConvertToLong() || c.longValue() < 0) {
                throw error("clock", "a Lamport clock must be a non-negative integer");
            }
            clock = c.longValue();
        }
        JsonNode n = root.get("node");
        JsonNode ev = root.get("event");
        return new LogRecord(file, line, text, clock, n != null && n.isTextual() ? n.textValue() : null,
                ev != null && ev.isTextual() ? ev.textValue() : null, value);
    }

    /** The TLA+ value of {@code v}, found at the dotted path {@code path} of the line (for errors). */
    private Value encode(JsonNode v, String path) throws TraceFormatException {
        switch (v.getNodeType()) {
            case OBJECT -> {
                Map<String, Value> fields = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    fields.put(f.getKey(), encode(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey()));
                }
                return record(fields);
            }
            case ARRAY -> {
                Value[] elems = new Value[v.size()];
                for (int k = 0; k < elems.length; k++) {
                    elems[k] = encode(v.get(k), path + "[" + k + "]");
                }
                return new TupleValue(elems);
            }
            case STRING -> {
                return new StringValue(v.textValue());
            }
            case BOOLEAN -> {
                return v.booleanValue() ? BoolValue.ValTrue : BoolValue.ValFalse;
            }
            case NUMBER -> {
                if (!v.isIntegralNumber()) {
                    throw error(path, "fractional number " + v + " has no TLA+ value (TLC has integers only)");
                }
                if (!v.canConvertToInt()) {
                    throw error(path, "integer " + abbreviate(v.toString()) + " is outside TLC's integer range "
                            + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
                }
                return IntValue.gen(v.intValue());
            }
            case NULL -> {
                return dev.dsverify.trace.tla.TraceNull.value();
            }
            default -> throw error(path, "unsupported JSON value " + abbreviate(v.toString()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** A record with its fields in name order, the normal form TLC compares and fingerprints. */
    public static Value record(Map<String, Value> sorted) {
        UniqueString[] names = new UniqueString[sorted.size()];
        Value[] values = new Value[sorted.size()];
        int k = 0;
        for (Map.Entry<String, Value> f : sorted.entrySet()) {
            names[k] = UniqueString.uniqueStringOf(f.getKey());
            values[k] = f.getValue();
            k++;
        }
        RecordValue r = new RecordValue(names, values, false);
        r.deepNormalize();
        return r;
    }

    private TraceFormatException error(String field, String problem) {
        return new TraceFormatException(file, line, field == null || field.isEmpty() ? null : field, problem);
    }
}
