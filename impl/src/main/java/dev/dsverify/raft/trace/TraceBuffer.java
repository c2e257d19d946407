package dev.dsverify.raft.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps events in memory in emission order (the simulator's order of steps). */
public final class TraceBuffer implements TraceSink {
    private final List<TraceEvent> events = new ArrayList<>();

    @Override
    public void emit(TraceEvent event) {
        events.add(event);
    }

    public List<TraceEvent> events() {
        return Collections.unmodifiableList(events);
    }
}
