package dev.dsverify.raft.sim;

import dev.dsverify.raft.trace.TraceEvent;
import dev.dsverify.raft.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated server's trace lines on their way to the run's trace: a step's lines wait here until what they
 * describe is durable ({@link #flush}, after each persist and at the end of the step); a crash inside the step
 * holds them until the server's recovery shows whether the step's state survived ({@link #settle}). So the trace
 * never claims a vote, term or entry the server's disk may still lose, nor a message that never left.
 */
final class DeferredSink implements TraceSink {
    private final TraceSink out;
    private final List<TraceEvent> pending = new ArrayList<>();
    private int held;
    private long emitted;

    DeferredSink(TraceSink out) {
        this.out = out;
    }

    @Override
    public boolean enabled() {
        return out.enabled();
    }

    @Override
    public void emit(TraceEvent event) {
        emitted++;
        pending.add(event);
    }

    /** How many lines the server has emitted so far (written, waiting or dropped). */
    long emitted() {
        return emitted;
    }

    /** Writes the pending lines; while lines of an interrupted step are held, waits for {@link #settle}. */
    void flush() {
        if (held > 0) {
            return;
        }
        for (TraceEvent e : pending) {
            out.emit(e);
        }
        pending.clear();
    }

    /**
     * The server crashed: the lines of the step the crash interrupted are held until its recovery shows
     * whether the step's state survived. The network's lines at the server meanwhile queue behind them, so the
     * server's clock still grows line by line. True if there are such lines.
     */
    boolean hold() {
        held = pending.size();
        return held > 0;
    }

    /**
     * Settles the held lines once the restarted server has recovered its disk: written if the step's state
     * survived the crash (the crash struck after what made it durable), dropped otherwise.
     */
    void settle(boolean survived) {
        if (!survived) {
            pending.subList(0, held).clear();
        }
        held = 0;
        flush();
    }
}
