package dev.dsverify.raft.sim;

import dev.dsverify.raft.trace.TraceEvent;
import dev.dsverify.raft.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated server's trace lines on their way to the run's trace: a step's lines wait here until what they
 * describe is durable ({@link #flush}, after each persist and at the end of the step), and a crash inside the
 * step drops them ({@link #discard}), exactly as it drops the state they describe. So the trace never claims a
 * vote, term or entry the server's disk may still lose, nor a message that never left.
 */
final class DeferredSink implements TraceSink {
    private final TraceSink out;
    private final List<TraceEvent> pending = new ArrayList<>();

    DeferredSink(TraceSink out) {
        this.out = out;
    }

    @Override
    public boolean enabled() {
        return out.enabled();
    }

    @Override
    public void emit(TraceEvent event) {
        pending.add(event);
    }

    void flush() {
        for (TraceEvent e : pending) {
            out.emit(e);
        }
        pending.clear();
    }

    /** Drops the lines of a step a crash interrupted; how many. */
    int discard() {
        int n = pending.size();
        pending.clear();
        return n;
    }
}
