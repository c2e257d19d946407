package dev.dsverify.conform.code;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.Ready;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Servers of the Raft core wired deterministically, with a network the driver controls: the code side of a
 * conformance run. Each server runs in step-by-step mode ({@link RaftNode#isStepByStep()}), and after every
 * input its Ready is handled at once as the Ready contract says (persisted to the server's disk, messages put
 * in flight, acknowledged), so what the spec calls one step is one input here.
 *
 * <p>The network is a bag, as in the spec: a list of messages in flight, where order means nothing.
 */
public final class CodeCluster {
    private final List<String> ids;
    private final Bugs bugs;
    private final Map<String, RaftNode> nodes = new LinkedHashMap<>();
    private final Map<String, StepRecorder> traces = new LinkedHashMap<>();
    private final Map<String, Disk> disks = new LinkedHashMap<>();
    private final List<Message> network = new ArrayList<>();

    /** What one input did: the contract events the code reported and the messages it put in flight. */
    public record Effect(List<String> events, List<Message> sent) {
    }

    /** A server's stable storage: what its handled Ready batches persisted. */
    private static final class Disk {
        HardState hardState = HardState.INITIAL;
        final List<Entry> log = new ArrayList<>();

        void persist(Ready rd) {
            if (rd.hardState() != null) {
                hardState = rd.hardState();
            }
            if (rd.hasLogWrite()) {
                int keep = (int) rd.entriesFrom() - 1;
                log.subList(Math.min(keep, log.size()), log.size()).clear();
                log.addAll(rd.entries());
            }
        }
    }

    public CodeCluster(List<String> ids, Bugs bugs) {
        this.ids = List.copyOf(ids);
        this.bugs = bugs;
        for (String id : ids) {
            StepRecorder t = new StepRecorder();
            traces.put(id, t);
            disks.put(id, new Disk());
            nodes.put(id, RaftNode.startStepByStep(config(id), t));
        }
    }

    private RaftConfig config(String id) {
        return new RaftConfig(id, ids, 10, 1, 1, bugs);
    }

    public List<String> ids() {
        return ids;
    }

    public RaftNode node(String id) {
        RaftNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no server " + id + " in the cluster " + ids);
        }
        return n;
    }

    /** The messages in flight (a copy; order means nothing). */
    public List<Message> network() {
        return List.copyOf(network);
    }

    /** Gives server {@code id} one input and returns what it returned; {@link #settle} then handles its Ready. */
    public <T> T input(String id, Function<RaftNode, T> input) {
        return input.apply(node(id));
    }

    /** Handles the Readies of {@code id} and returns what the last input did. */
    public Effect settle(String id) {
        RaftNode n = node(id);
        List<Message> sent = new ArrayList<>();
        while (n.hasReady()) {
            Ready rd = n.ready();
            disks.get(id).persist(rd);
            sent.addAll(rd.messages());
            n.advance(rd);
        }
        network.addAll(sent);
        return new Effect(traces.get(id).drain(), sent);
    }

    /** Removes one copy of {@code m} from the network (delivered or lost); false if none is in flight. */
    public boolean take(Message m) {
        return network.remove(m);
    }

    /** Puts one more copy of {@code m} in flight. */
    public void duplicate(Message m) {
        network.add(m);
    }

    /**
     * The server crashes and recovers from its disk (the contract's Restart). Every Ready was handled right after
     * its input, so the disk holds everything the server acknowledged and nothing waits to be sent.
     */
    public Effect restart(String id) {
        Disk d = disks.get(id);
        node(id);
        nodes.put(id, RaftNode.restartStepByStep(config(id), d.hardState, List.copyOf(d.log), traces.get(id)));
        return settle(id);
    }
}
