package dev.dsverify.raft.core;

import dev.dsverify.raft.trace.TraceBuffer;
import dev.dsverify.raft.trace.TraceEvent;
import dev.dsverify.raft.trace.Tracer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Drives RaftNodes by hand: messages collect in a list and are delivered only when a test says so. */
final class TestCluster {
    final List<String> ids;
    final Map<String, RaftNode> nodes = new LinkedHashMap<>();
    final Map<String, Tracer> tracers = new LinkedHashMap<>();
    final TraceBuffer trace = new TraceBuffer();
    final List<Message> inFlight = new ArrayList<>();
    final Map<String, List<Entry>> appliedBy = new LinkedHashMap<>();
    final List<ReadState> reads = new ArrayList<>();

    TestCluster(int n) {
        this(n, Bugs.NONE);
    }

    TestCluster(int n, Bugs bugs) {
        this(n, bugs, UnaryOperator.identity());
    }

    /** A cluster whose every server's configuration is passed through {@code options} (bounds, pre-vote, ...). */
    TestCluster(int n, Bugs bugs, UnaryOperator<RaftConfig> options) {
        ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add("n" + i);
        }
        for (String id : ids) {
            Tracer t = new Tracer(id, trace);
            tracers.put(id, t);
            nodes.put(id, RaftNode.start(options.apply(new RaftConfig(id, ids, 10, 1, id.hashCode(), bugs)), t));
            appliedBy.put(id, new ArrayList<>());
        }
    }

    RaftNode node(String id) {
        return nodes.get(id);
    }

    /** Handles every Ready of the node: messages go in flight, committed entries are recorded. */
    void drain(String id) {
        RaftNode n = node(id);
        while (n.hasReady()) {
            Ready rd = n.ready();
            inFlight.addAll(rd.messages());
            appliedBy.get(id).addAll(rd.committed());
            reads.addAll(rd.readStates());
            n.advance(rd);
        }
    }

    void drainAll() {
        for (String id : ids) {
            drain(id);
        }
    }

    /** Ticks {@code id} until it times out and starts an election. */
    void electionTimeout(String id) {
        RaftNode n = node(id);
        long term = n.currentTerm();
        for (int i = 0; i < 100 && n.currentTerm() == term; i++) {
            n.tick();
        }
        drain(id);
    }

    /** Delivers in-flight messages (and everything they cause) until none is left or a round limit is hit. */
    void deliverAll() {
        deliverWhile(m -> true);
    }

    void deliverWhile(Predicate<Message> keep) {
        for (int round = 0; round < 10_000 && !inFlight.isEmpty(); round++) {
            Message m = inFlight.remove(0);
            if (keep.test(m)) {
                node(m.to()).step(m);
                drain(m.to());
            }
        }
    }

    /** Makes {@code id} leader with everyone reachable. */
    void elect(String id) {
        electionTimeout(id);
        deliverAll();
    }

    List<TraceEvent> events() {
        return trace.events();
    }
}
