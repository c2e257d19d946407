package dev.dsverify.tracing;

/**
 * One trace line being built: {@code tracer.event("RMPrepare").field("rm", "r1").state("rmState", s).emit()}.
 * The line is {@code {"clock":…,"node":…,"event":…, fields…, "msg":…, "reply":…, "state":{…}}}: the event
 * names the spec action, {@code msg} the message the step consumed or sent, {@code reply} the one a request
 * handler sent back, {@code state} the post-state of every spec variable the step changed at this node.
 * An event belongs to one thread; emit it once.
 */
public class Event {
    private final Tracer tracer;
    private final TraceLine line;
    private boolean emitted;

    Event(Tracer tracer, String name, long clock) {
        this.tracer = tracer;
        this.line = tracer == null ? null : TraceLine.of(tracer.node(), name, clock);
    }

    /** The step's Lamport clock: the value to carry on every message this step sends. */
    public long clock() {
        return line.clock();
    }

    public String name() {
        return line.event();
    }

    /** A top-level field, e.g. the action's parameters ({@code "rm": "r1"}). */
    public Event field(String key, Object value) {
        line.field(key, value);
        return this;
    }

    /** The message the step consumed (a handler) or sent (a send action). */
    public Event msg(Object message) {
        line.msg(message);
        return this;
    }

    /** The reply a request handler sent. */
    public Event reply(Object message) {
        line.reply(message);
        return this;
    }

    /** The post-state of one spec variable the step changed at this node. */
    public Event state(String variable, Object value) {
        line.state(variable, value);
        return this;
    }

    /** Hands the line to the tracer: written now, or once the step is durable (see {@link Tracer#durable()}). */
    public void emit() {
        if (emitted) {
            throw new TraceException("event '" + name() + "' emitted twice");
        }
        emitted = true;
        tracer.emit(this);
    }

    TraceLine line() {
        return line;
    }

    /** The event of a tracer that is off: every call returns at once and nothing is built. */
    static final class Off extends Event {
        static final Off INSTANCE = new Off();

        private Off() {
            super(null, "", 0);
        }

        @Override
        public long clock() {
            return 0;
        }

        @Override
        public String name() {
            return "";
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
