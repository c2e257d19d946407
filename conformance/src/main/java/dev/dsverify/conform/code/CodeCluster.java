package dev.dsverify.conform.code;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.core.Snapshot;

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
    private final boolean preVote;
    private final boolean checkQuorum;
    private final Map<String, AppliedLog> machines = new LinkedHashMap<>();
    private final Map<String, RaftNode> nodes = new LinkedHashMap<>();
    private final Map<String, StepRecorder> traces = new LinkedHashMap<>();
    private final Map<String, Disk> disks = new LinkedHashMap<>();
    private final List<Message> network = new ArrayList<>();

    /** What one input did: the contract events the code reported and the messages it put in flight. */
    public record Effect(List<String> events, List<Message> sent) {
    }

    /** A server's stable storage: what its handled Ready batches persisted, the snapshot and the entries after it. */
    private static final class Disk {
        HardState hardState = HardState.INITIAL;
        Snapshot snapshot;
        /** The entries after the snapshot point. */
        final List<Entry> log = new ArrayList<>();

        long snapshotIndex() {
            return snapshot == null ? 0 : snapshot.index();
        }

        void persist(Ready rd) {
            if (rd.hardState() != null) {
                hardState = rd.hardState();
            }
            if (rd.snapshot() != null) {
                snapshot = rd.snapshot(); // the log restarts after it: the Ready's entries are all of it
                log.clear();
            }
            if (rd.hasLogWrite()) {
                int keep = (int) (rd.entriesFrom() - 1 - snapshotIndex());
                log.subList(Math.min(keep, log.size()), log.size()).clear();
                log.addAll(rd.entries());
            }
        }

        /** The server compacted its log into {@code snap}: stored, and the entries it covers dropped. */
        void compacted(Snapshot snap) {
            log.subList(0, (int) (snap.index() - snapshotIndex())).clear();
            snapshot = snap;
        }
    }

    public CodeCluster(List<String> ids, Bugs bugs) {
        this(ids, bugs, false, false);
    }

    /**
     * Servers {@code ids} with the bug switches {@code bugs}, asking for pre-votes if {@code preVote}, leaders
     * checking for a quorum if {@code checkQuorum}.
     */
    public CodeCluster(List<String> ids, Bugs bugs, boolean preVote, boolean checkQuorum) {
        this.ids = List.copyOf(ids);
        this.bugs = bugs;
        this.preVote = preVote;
        this.checkQuorum = checkQuorum;
        for (String id : ids) {
            StepRecorder t = new StepRecorder();
            traces.put(id, t);
            disks.put(id, new Disk());
            machines.put(id, new AppliedLog());
            nodes.put(id, RaftNode.startStepByStep(config(id), t));
        }
    }

    private RaftConfig config(String id) {
        return new RaftConfig(id, ids, 10, 1, 1, bugs).withPreVote(preVote).withCheckQuorum(checkQuorum);
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
            if (rd.snapshot() != null) {
                machines.get(id).restore(rd.snapshot().data());
            }
            machines.get(id).apply(rd.firstCommittedIndex(), rd.committed());
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
     * CompactLog: server {@code id} replaces its log up to {@code index} by a snapshot of its state machine there,
     * which the driver stores with the remaining entries before the next input. Returns whether the server took it.
     */
    public boolean compact(String id, long index) {
        RaftNode n = node(id);
        boolean took = n.compactNow(index, machines.get(id).capture(index));
        if (took) {
            disks.get(id).compacted(n.snapshot());
        }
        return took;
    }

    /**
     * The server crashes and recovers from its disk (the contract's Restart). Every Ready was handled right after
     * its input, so the disk holds everything the server acknowledged and nothing waits to be sent.
     */
    public Effect restart(String id) {
        Disk d = disks.get(id);
        node(id);
        machines.get(id).restore(d.snapshot == null ? null : d.snapshot.data());
        nodes.put(id, RaftNode.restartStepByStep(config(id), d.hardState, d.snapshot, List.copyOf(d.log),
                traces.get(id)));
        return settle(id);
    }
}
