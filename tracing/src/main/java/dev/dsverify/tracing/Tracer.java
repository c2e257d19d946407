package dev.dsverify.tracing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes one node's checkable log: one NDJSON line per protocol step, each naming the spec action it
 * performed, with a Lamport clock so that the logs of several nodes merge into one causal order.
 *
 * <h2>Clocks</h2>
 * Every step advances the node's clock once. A step that consumes a message starts with
 * {@link #receive(long)} (clock := max(clock, message clock) + 1); any other step starts when its
 * {@link #event(String)} is created (clock := clock + 1), or with {@link #tick()}. Messages a step sends carry
 * {@link #send()}, the step's clock. So if step a happened before step b, clock(a) &lt; clock(b).
 *
 * <h2>Durability</h2>
 * A line must not claim what a crash could still undo: a node that logs "voted for n2" and then loses the
 * unsynced vote would make a correct log of an incorrect run. A tracer built {@link Builder#deferred() deferred}
 * keeps each emitted line until the caller says the state it describes is durable ({@link #durable()}, right
 * after its fsync); a crash before that drops them ({@link #discardPending()} in a simulation), exactly as
 * the state is lost. A tracer that is not deferred writes each line when emitted: right for state that is
 * in memory only, or that is synced before the step is traced.
 *
 * <h2>Cost when off</h2>
 * {@link #off(String)} returns a tracer whose {@link #event(String)} returns one shared do-nothing event:
 * no clock, no allocation, no JSON. Guard expensive arguments with {@link #isOn()}.
 *
 * <p>All methods are thread safe and lines are written whole by the {@link TraceSink}, so threads never
 * garble a log. A node's steps, though, happen one at a time: start, fill and emit a step's event under the
 * lock that serialises the node's steps, so that its lines reach the log in clock order (trace validation
 * rejects a node's log whose clock goes backwards).
 */
public final class Tracer implements AutoCloseable {
    static final Set<String> RESERVED = Set.of("schema", "clock", "node", "event", "msg", "reply", "state");

    private final String node;
    private final TraceSink sink;
    private final boolean on;
    private final boolean deferred;
    private final Integer schema;
    private final List<byte[]> pending = new ArrayList<>();
    private long clock;
    private boolean stepStarted;
    private boolean eventOpen;

    private Tracer(Builder b) {
        this.node = b.node;
        this.sink = b.sink;
        this.on = b.sink != null;
        this.deferred = b.deferred;
        this.schema = b.schema;
        this.clock = b.initialClock;
    }

    /** A tracer for {@code node}. */
    public static Builder builder(String node) {
        return new Builder(node);
    }

    /** Lines appended to {@code file} as they are emitted. */
    public static Tracer to(Path file, String node) throws IOException {
        return builder(node).sink(new FileSink(file)).build();
    }

    /** Lines handed to {@code sink} as they are emitted. */
    public static Tracer to(TraceSink sink, String node) {
        return builder(node).sink(sink).build();
    }

    /** A tracer that writes nothing and costs next to nothing. */
    public static Tracer off(String node) {
        return builder(node).build();
    }

    public String node() {
        return node;
    }

    public boolean isOn() {
        return on;
    }

    /** The node's current clock. */
    public synchronized long clock() {
        return clock;
    }

    /** Starts a step that consumes no message. */
    public synchronized long tick() {
        if (!on) {
            return 0;
        }
        clock = Math.addExact(clock, 1);
        stepStarted = true;
        return clock;
    }

    /** Starts a step that consumes a message carrying {@code messageClock}. */
    public synchronized long receive(long messageClock) {
        if (!on) {
            return 0;
        }
        if (messageClock < 0) {
            throw new TraceException("message clock " + messageClock + " is negative");
        }
        clock = Math.addExact(Math.max(clock, messageClock), 1);
        stepStarted = true;
        return clock;
    }

    /**
     * The clock to carry on a message the current step sends: the clock of the step's event if it was
     * created already, else a new step's (which the step's event then takes).
     */
    public synchronized long send() {
        if (!on) {
            return 0;
        }
        if (!stepStarted && !eventOpen) {
            tick();
        }
        return clock;
    }

    /** The line of the current step (starting one if {@link #receive} or {@link #tick} did not). */
    public Event event(String action) {
        if (!on) {
            return Event.Off.INSTANCE;
        }
        Objects.requireNonNull(action, "action");
        synchronized (this) {
            // A step started by receive/tick/send is taken by its event; otherwise the event starts one, so
            // that two events never share a clock.
            if (!stepStarted) {
                tick();
            }
            stepStarted = false;
            eventOpen = true;
            return new Event(this, action, clock);
        }
    }

    synchronized void emit(Event e) {
        assert on : "an off tracer hands out only the do-nothing event";
        // The step ends with its line: the next step advances the clock again.
        eventOpen = false;
        byte[] line = e.line().schema(schema).toBytes();
        if (deferred) {
            pending.add(line);
        } else {
            write(line);
        }
    }

    /** Deferred tracers: the state every emitted line describes is now durable; write those lines. */
    public synchronized void durable() {
        for (byte[] line : pending) {
            write(line);
        }
        pending.clear();
    }

    /** Deferred tracers: a crash lost the state of the pending lines; drop them. Returns how many. */
    public synchronized int discardPending() {
        int n = pending.size();
        pending.clear();
        stepStarted = false;
        eventOpen = false;
        return n;
    }

    /** Lines emitted but not yet durable. */
    public synchronized int pendingLines() {
        return pending.size();
    }

    private void write(byte[] line) {
        try {
            sink.append(line);
        } catch (IOException ex) {
            throw new TraceException(node + ": cannot write a trace line: " + ex.getMessage(), ex);
        }
    }

    /** Writes what is durable and closes the sink; lines still pending are dropped (they were never durable). */
    @Override
    public synchronized void close() throws IOException {
        if (on) {
            pending.clear();
            sink.close();
        }
    }

    /** Configuration of a tracer. */
    public static final class Builder {
        private final String node;
        private TraceSink sink;
        private boolean deferred;
        private Integer schema;
        private long initialClock;

        private Builder(String node) {
            this.node = Objects.requireNonNull(node, "node");
            if (node.isEmpty()) {
                throw new TraceException("a node id is not empty");
            }
        }

        /** Where lines go; without a sink the tracer is off. */
        public Builder sink(TraceSink s) {
            this.sink = s;
            return this;
        }

        /** Keep lines until {@link Tracer#durable()}. */
        public Builder deferred() {
            this.deferred = true;
            return this;
        }

        /** Starts every line with {@code "schema": n}, for contracts that version their lines. */
        public Builder schema(int n) {
            this.schema = n;
            return this;
        }

        /** The clock to continue from (a restarted node continues its old log's clock). */
        public Builder clock(long c) {
            if (c < 0) {
                throw new TraceException("clock " + c + " is negative");
            }
            this.initialClock = c;
            return this;
        }

        public Tracer build() {
            return new Tracer(this);
        }
    }
}
