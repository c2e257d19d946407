package dev.dsverify.raft.trace;

import dev.dsverify.raft.core.Message;

/**
 * One server's Lamport clock and its route to the sink. The clock lives here rather than in the server so
 * that it keeps counting across a simulated crash and restart (a real process would seed it from the last
 * trace line it wrote).
 */
public final class Tracer {
    private final String node;
    private final TraceSink sink;
    private final boolean enabled;
    private long clock;

    public Tracer(String node, TraceSink sink) {
        this(node, sink, 0);
    }

    /** A tracer whose clock continues from {@code initialClock}, e.g. the last clock a restarted process logged. */
    public Tracer(String node, TraceSink sink, long initialClock) {
        this.node = node;
        this.sink = sink;
        this.enabled = sink.enabled();
        this.clock = initialClock;
    }

    public String node() {
        return node;
    }

    public boolean enabled() {
        return enabled;
    }

    public long clock() {
        return clock;
    }

    /** A local step: the clock moves by one. */
    public long step() {
        return ++clock;
    }

    /** A step that reads a message: the clock jumps past the sender's. */
    public long receive(long msgClock) {
        clock = Math.max(clock, msgClock) + 1;
        return clock;
    }

    /** Emits an event stamped with the current clock; callers test {@link #enabled()} first. */
    public void emit(EventType type, Message msg, Message reply, StateChange state) {
        sink.emit(new TraceEvent(clock, node, type, msg, reply, state));
    }
}
