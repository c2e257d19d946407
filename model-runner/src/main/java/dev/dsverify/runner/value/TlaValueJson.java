package dev.dsverify.runner.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lossless JSON for {@link TlaValue}: every kind keeps a distinct shape, so a set, a sequence, a record and a
 * function never collapse into one another, nor an integer, a string and a model value.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>TLA+</th><th>JSON</th></tr>
 *   <tr><td>{@code 42}, {@code -3}</td><td>{@code 42}, {@code -3} (a JSON integer of any size)</td></tr>
 *   <tr><td>{@code "a\"b"}</td><td>{@code "a\"b"}</td></tr>
 *   <tr><td>{@code TRUE}</td><td>{@code true}</td></tr>
 *   <tr><td>{@code n1}</td><td>{@code {"model":"n1"}}</td></tr>
 *   <tr><td>{@code <<1, 2>>}</td><td>{@code {"seq":[1,2]}}</td></tr>
 *   <tr><td>{@code {1, 2}}, {@code 1..2}</td><td>{@code {"set":[1,2]}}</td></tr>
 *   <tr><td>{@code [a |-> 1]}</td><td>{@code {"record":{"a":1}}} (field order kept)</td></tr>
 *   <tr><td>{@code (n1 :> 1 @@ n2 :> 2)}</td><td>{@code {"fn":[[{"model":"n1"},1],[{"model":"n2"},2]]}}</td></tr>
 * </table>
 *
 * <p>See {@code model-runner/VALUES.md}. Reading rejects anything else (bare arrays, fractions, null, objects
 * with other or several keys) with a {@link IllegalArgumentException} naming the JSON Pointer of the problem.
 */
public final class TlaValueJson {
    static final String MODEL = "model";
    static final String SEQ = "seq";
    static final String SET = "set";
    static final String RECORD = "record";
    static final String FN = "fn";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TlaValueJson() {
    }

    /** The JSON tree of a value. */
    public static JsonNode toJson(TlaValue value) {
        if (value instanceof TlaInt i) {
            BigInteger v = i.value();
            return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
        } else if (value instanceof TlaString s) {
            return NODES.textNode(s.value());
        } else if (value instanceof TlaBool b) {
            return NODES.booleanNode(b.value());
        } else if (value instanceof TlaModelValue m) {
            return NODES.objectNode().put(MODEL, m.name());
        } else if (value instanceof TlaSeq seq) {
            return wrap(SEQ, array(seq.elements()));
        } else if (value instanceof TlaSet set) {
            return wrap(SET, array(set.elements()));
        } else if (value instanceof TlaRecord r) {
            ObjectNode fields = NODES.objectNode();
            r.fields().forEach((k, v) -> fields.set(k, toJson(v)));
            return wrap(RECORD, fields);
        } else if (value instanceof TlaFunction f) {
            ArrayNode pairs = NODES.arrayNode(f.mappings().size());
            for (TlaFunction.Mapping m : f.mappings()) {
                pairs.add(NODES.arrayNode(2).add(toJson(m.key())).add(toJson(m.value())));
            }
            return wrap(FN, pairs);
        }
        throw new IllegalArgumentException("not a TLA+ value: " + value);
    }

    /**
     * The value of a JSON tree written by {@link #toJson}.
     *
     * @throws IllegalArgumentException naming the JSON Pointer of the first malformed node
     */
    public static TlaValue fromJson(JsonNode json) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON value (null reference)");
        }
        return DeepStack.run(depth(json), () -> read(json, ""));
    }

    /** A Jackson module that (de)serialises {@link TlaValue} and each of its kinds with this mapping. */
    public static Module module() {
        SimpleModule module = new SimpleModule("dsverify-tla-values", Version.unknownVersion());
        module.addSerializer(TlaValue.class, new Serializer());
        module.addDeserializer(TlaValue.class, new Deserializer<>(TlaValue.class));
        addKind(module, TlaInt.class);
        addKind(module, TlaString.class);
        addKind(module, TlaBool.class);
        addKind(module, TlaModelValue.class);
        addKind(module, TlaSeq.class);
        addKind(module, TlaSet.class);
        addKind(module, TlaRecord.class);
        addKind(module, TlaFunction.class);
        return module;
    }

    private static <T extends TlaValue> void addKind(SimpleModule module, Class<T> kind) {
        module.addDeserializer(kind, new Deserializer<>(kind));
    }

    /**
     * JSON nesting depth, found without recursion. A function takes three JSON levels per TLA+ level, so
     * anything deeper than three times {@link TlaValues#MAX_DEPTH} cannot come from a value the parser accepts.
     */
    private static int depth(JsonNode root) {
        int limit = 3 * TlaValues.MAX_DEPTH + 1;
        java.util.ArrayDeque<JsonNode> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        int deepest = 0;
        while (!nodes.isEmpty()) {
            JsonNode n = nodes.pop();
            int d = depths.pop();
            deepest = Math.max(deepest, d);
            if (deepest > limit) {
                throw malformed("", "JSON nested deeper than " + limit + " levels");
            }
            if (n.isContainerNode()) {
                for (JsonNode child : n) {
                    nodes.push(child);
                    depths.push(d + 1);
                }
            }
        }
        return deepest / 2;
    }

    private static ObjectNode wrap(String kind, JsonNode content) {
        ObjectNode o = NODES.objectNode();
        o.set(kind, content);
        return o;
    }

    private static ArrayNode array(List<TlaValue> values) {
        ArrayNode a = NODES.arrayNode(values.size());
        for (TlaValue v : values) {
            a.add(toJson(v));
        }
        return a;
    }

    private static TlaValue read(JsonNode n, String path) {
        switch (n.getNodeType()) {
            case NUMBER:
                if (!n.isIntegralNumber()) {
                    throw malformed(path, "number " + n + " is not an integer (TLA+ values here are integers)");
                }
                return new TlaInt(n.bigIntegerValue());
            case STRING:
                return new TlaString(n.textValue());
            case BOOLEAN:
                return TlaBool.of(n.booleanValue());
            case OBJECT:
                return readObject(n, path);
            case ARRAY:
                throw malformed(path, "a bare array is ambiguous; write {\"seq\":[...]} or {\"set\":[...]}");
            default:
                throw malformed(path, "expected a number, string, boolean or object, found " + describe(n));
        }
    }

    private static TlaValue readObject(JsonNode n, String path) {
        if (n.size() != 1) {
            throw malformed(path, "expected an object with exactly one of the keys model, seq, set, record, fn;"
                    + " found " + n.size() + " keys");
        }
        Map.Entry<String, JsonNode> only = n.properties().iterator().next();
        String kind = only.getKey();
        JsonNode content = only.getValue();
        String here = path + "/" + escape(kind);
        switch (kind) {
            case MODEL -> {
                if (!content.isTextual()) {
                    throw malformed(here, "a model value name must be a string, found " + describe(content));
                }
                try {
                    return new TlaModelValue(content.textValue());
                } catch (IllegalArgumentException e) {
                    throw malformed(here, e.getMessage());
                }
            }
            case SEQ -> {
                return new TlaSeq(readArray(content, here));
            }
            case SET -> {
                return new TlaSet(readArray(content, here));
            }
            case RECORD -> {
                if (!content.isObject()) {
                    throw malformed(here, "record fields must be an object, found " + describe(content));
                }
                Map<String, TlaValue> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : content.properties()) {
                    String fieldPath = here + "/" + escape(e.getKey());
                    if (!Identifiers.isIdentifier(e.getKey())) {
                        throw malformed(fieldPath, "field name \"" + e.getKey() + "\" is not a TLA+ identifier;"
                                + " a function over such strings is written {\"fn\":[[\"" + e.getKey() + "\",...]]}");
                    }
                    fields.put(e.getKey(), read(e.getValue(), fieldPath));
                }
                return new TlaRecord(fields);
            }
            case FN -> {
                if (!content.isArray()) {
                    throw malformed(here, "a function must be an array of [key, value] pairs, found "
                            + describe(content));
                }
                List<TlaFunction.Mapping> mappings = new ArrayList<>(content.size());
                Map<TlaValue, Integer> seen = new LinkedHashMap<>();
                for (int i = 0; i < content.size(); i++) {
                    JsonNode pair = content.get(i);
                    String pairPath = here + "/" + i;
                    if (!pair.isArray() || pair.size() != 2) {
                        throw malformed(pairPath, "expected a [key, value] pair, found " + describe(pair));
                    }
                    TlaValue key = read(pair.get(0), pairPath + "/0");
                    Integer earlier = seen.put(key, i);
                    if (earlier != null) {
                        throw malformed(pairPath + "/0", "key " + key.toTla() + " already mapped at "
                                + here + "/" + earlier);
                    }
                    mappings.add(new TlaFunction.Mapping(key, read(pair.get(1), pairPath + "/1")));
                }
                return new TlaFunction(mappings);
            }
            default -> throw malformed(path, "unknown kind \"" + kind
                    + "\"; expected one of model, seq, set, record, fn");
        }
    }

    private static List<TlaValue> readArray(JsonNode content, String path) {
        if (!content.isArray()) {
            throw malformed(path, "expected an array, found " + describe(content));
        }
        List<TlaValue> out = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            out.add(read(content.get(i), path + "/" + i));
        }
        return out;
    }

    private static String describe(JsonNode n) {
        if (n.isNull() || n.isMissingNode()) {
            return "null";
        }
        String s = n.toString();
        String shown = s.length() <= 40 ? s : s.substring(0, 37) + "...";
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }

    /** JSON Pointer escaping (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static IllegalArgumentException malformed(String path, String reason) {
        return new IllegalArgumentException("malformed TLA+ value JSON at " + (path.isEmpty() ? "/" : path) + ": "
                + reason);
    }

    /** Streams the JSON without building a tree first. */
    private static final class Serializer extends JsonSerializer<TlaValue> {
        @Override
        public void serialize(TlaValue value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            write(value, gen);
        }

        @Override
        public Class<TlaValue> handledType() {
            return TlaValue.class;
        }

        private static void write(TlaValue value, JsonGenerator gen) throws IOException {
            if (value instanceof TlaInt i) {
                BigInteger v = i.value();
                if (v.bitLength() < 64) {
                    gen.writeNumber(v.longValue());
                } else {
                    gen.writeNumber(v);
                }
            } else if (value instanceof TlaString s) {
                gen.writeString(s.value());
            } else if (value instanceof TlaBool b) {
                gen.writeBoolean(b.value());
            } else if (value instanceof TlaModelValue m) {
                gen.writeStartObject();
                gen.writeStringField(MODEL, m.name());
                gen.writeEndObject();
            } else if (value instanceof TlaSeq seq) {
                writeArray(SEQ, seq.elements(), gen);
            } else if (value instanceof TlaSet set) {
                writeArray(SET, set.elements(), gen);
            } else if (value instanceof TlaRecord r) {
                gen.writeStartObject();
                gen.writeObjectFieldStart(RECORD);
                for (Map.Entry<String, TlaValue> e : r.fields().entrySet()) {
                    gen.writeFieldName(e.getKey());
                    write(e.getValue(), gen);
                }
                gen.writeEndObject();
                gen.writeEndObject();
            } else if (value instanceof TlaFunction f) {
                gen.writeStartObject();
                gen.writeArrayFieldStart(FN);
                for (TlaFunction.Mapping m : f.mappings()) {
                    gen.writeStartArray();
                    write(m.key(), gen);
                    write(m.value(), gen);
                    gen.writeEndArray();
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
        }

        private static void writeArray(String kind, List<TlaValue> values, JsonGenerator gen) throws IOException {
            gen.writeStartObject();
            gen.writeArrayFieldStart(kind);
            for (TlaValue v : values) {
                write(v, gen);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    /** Reads a tree and maps it; a kind other than the requested one is a mapping error. */
    private static final class Deserializer<T extends TlaValue> extends JsonDeserializer<T> {
        private final Class<T> kind;

        Deserializer(Class<T> kind) {
            this.kind = kind;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = p.readValueAsTree();
            TlaValue value;
            try {
                value = fromJson(tree);
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(kind, "%s", e.getMessage());
            }
            if (!kind.isInstance(value)) {
                return ctxt.reportInputMismatch(kind, "expected a TLA+ %s but the JSON holds %s",
                        kind.getSimpleName(), value.toTla());
            }
            return kind.cast(value);
        }

        @Override
        public Class<?> handledType() {
            return kind;
        }
    }
}
