package dev.dsverify.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trace line being built: {@code tracer.event("RMPrepare").field("rm", "r1").state("rmState", s).emit()}.
 * The line is {@code {"clock":…,"node":…,"event":…, fields…, "msg":…, "reply":…, "state":{…}}}: the event
 * names the spec action, {@code msg} the message the step consumed or sent, {@code reply} the one a request
 * handler sent back, {@code state} the post-state of every spec variable the step changed at this node.
 * An event belongs to one thread; emit it once.
 */
public class Event {
    private final Tracer tracer;
    private final String name;
    private final long clock;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();
    private JsonNode msg;
    private JsonNode reply;
    private final ObjectNode state = JsonNodeFactory.instance.objectNode();
    private boolean emitted;

    Event(Tracer tracer, String name, long clock) {
        this.tracer = tracer;
        this.name = name;
        this.clock = clock;
    }

    /** The step's Lamport clock: the value to carry on every message this step sends. */
    public long clock() {
        return clock;
    }

    public String name() {
        return name;
    }

    /** A top-level field, e.g. the action's parameters ({@code "rm": "r1"}). */
    public Event field(String key, Object value) {
        if (Tracer.RESERVED.contains(key)) {
            throw new TraceException("field '" + key + "' is set by the tracer or by msg/reply/state");
        }
        fields.put(key, Values.toJson(key, value));
        return this;
    }

    /** The message the step consumed (a handler) or sent (a send action). */
    public Event msg(Object message) {
        this.msg = Values.toJson("msg", message);
        return this;
    }

    /** The reply a request handler sent. */
    public Event reply(Object message) {
        this.reply = Values.toJson("reply", message);
        return this;
    }

    /** The post-state of one spec variable the step changed at this node. */
    public Event state(String variable, Object value) {
        state.set(variable, Values.toJson("state." + variable, value));
        return this;
    }

    /** Hands the line to the tracer: written now, or once the step is durable (see {@link Tracer#durable()}). */
    public void emit() {
        if (emitted) {
            throw new TraceException("event '" + name + "' emitted twice");
        }
        emitted = true;
        tracer.emit(this);
    }

    ObjectNode toJson(Integer schema) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (schema != null) {
            o.put("schema", schema);
        }
        o.put("clock", clock);
        o.put("node", tracer.node());
        o.put("event", name);
        fields.forEach(o::set);
        if (msg != null) {
            o.set("msg", msg);
        }
        if (reply != null) {
            o.set("reply", reply);
        }
        if (!state.isEmpty()) {
            o.set("state", state);
        }
        return o;
    }

    /** The event of a tracer that is off: every call returns at once and nothing is built. */
    static final class Off extends Event {
        static final Off INSTANCE = new Off();

        private Off() {
            super(null, "", 0);
        }

        @Override
        public Event field(String key, Object value) {
            return this;
        }

        @Override
        public Event msg(Object message) {
            return this;
        }

        @Override
        public Event reply(Object message) {
            return this;
        }

        @Override
        public Event state(String variable, Object value) {
            return this;
        }

        @Override
        public void emit() {
        }
    }
}
