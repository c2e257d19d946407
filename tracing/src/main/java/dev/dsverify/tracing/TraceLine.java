package dev.dsverify.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shape of a trace line, for {@link Tracer} and for systems that keep their own clocks:
 * {@code {"schema":…,"clock":…,"node":…,"event":…, fields…, "msg":…, "reply":…, "state":{…}}}, fields in that
 * order. {@code schema} is present only when asked for; {@code state} is written when the step changed a
 * variable, or always with {@link #alwaysState()}.
 */
public final class TraceLine {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String node;
    private final String event;
    private final long clock;
    private Integer schema;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();
    private JsonNode msg;
    private JsonNode reply;
    private final ObjectNode state = JsonNodeFactory.instance.objectNode();
    private boolean alwaysState;

    private TraceLine(String node, String event, long clock) {
        if (clock < 0) {
            throw new TraceException("clock " + clock + " is negative");
        }
        this.node = node;
        this.event = event;
        this.clock = clock;
    }

    /** A line of {@code node}'s step {@code event} at Lamport clock {@code clock}. */
    public static TraceLine of(String node, String event, long clock) {
        return new TraceLine(node, event, clock);
    }

    public TraceLine schema(Integer s) {
        this.schema = s;
        return this;
    }

    /** A top-level field (values as {@link Tracer}'s events take them; a {@link JsonNode} is written as is). */
    public TraceLine field(String key, Object value) {
        if (Tracer.RESERVED.contains(key)) {
            throw new TraceException("field '" + key + "' is set by the tracer or by msg/reply/state");
        }
        fields.put(key, Values.toJson(key, value));
        return this;
    }

    public TraceLine msg(Object message) {
        this.msg = Values.toJson("msg", message);
        return this;
    }

    public TraceLine reply(Object message) {
        this.reply = Values.toJson("reply", message);
        return this;
    }

    public TraceLine state(String variable, Object value) {
        state.set(variable, Values.toJson("state." + variable, value));
        return this;
    }

    /** Writes {@code "state":{}} even when the step logs no variable (contracts that always have it). */
    public TraceLine alwaysState() {
        this.alwaysState = true;
        return this;
    }

    public long clock() {
        return clock;
    }

    public String event() {
        return event;
    }

    /** The line as one JSON object, without a newline. */
    public String toJson() {
        return new String(bytes(false), StandardCharsets.UTF_8);
    }

    /** The line as UTF-8 with its newline: what a {@link TraceSink} appends. */
    public byte[] toBytes() {
        return bytes(true);
    }

    private byte[] bytes(boolean newline) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (schema != null) {
            o.put("schema", schema);
        }
        o.put("clock", clock);
        o.put("node", node);
        o.put("event", event);
        fields.forEach(o::set);
        if (msg != null) {
            o.set("msg", msg);
        }
        if (reply != null) {
            o.set("reply", reply);
        }
        if (alwaysState || !state.isEmpty()) {
            o.set("state", state);
        }
        try {
            byte[] json = JSON.writeValueAsBytes(o);
            if (!newline) {
                return json;
            }
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException ex) {
            throw new TraceException("event '" + event + "' cannot be written as JSON", ex);
        }
    }
}
