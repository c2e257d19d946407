package dev.dsverify.raft.script;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.ReadState;
import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.core.Role;
import dev.dsverify.raft.core.Snapshot;
import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.StateChange;
import dev.dsverify.raft.trace.TraceBuffer;
import dev.dsverify.raft.trace.TraceEvent;
import dev.dsverify.raft.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * A deterministic cluster of {@link RaftNode}s driven step by step through their public API only: no threads,
 * sockets or clock. Messages wait in one in-flight list (in send order) until a command delivers, drops or
 * duplicates them; each server's disk is a plain copy of what its Ready batches asked to persist, so a crash
 * loses exactly what was never handed to a Ready. All servers write into one trace buffer in execution order:
 * the merged trace of the run.
 *
 * <p>Every operation returns the lines it prints: what the node did (the trace events, rendered by
 * {@link Rendering}) and, for a Ready, what the batch carried.
 */
public final class InteractionCluster {
    /** A bound on {@link #stabilize()}: a correct cluster without ticks goes quiet long before. */
    private static final int MAX_ROUNDS = 1000;

    private final List<String> ids;
    private final long seed;
    private final int electionTicks;
    private final int heartbeatTicks;
    private final Bugs bugs;
    private final boolean preVote;
    private final int maxAppendEntries;
    private final TraceBuffer trace = new TraceBuffer();
    private final Map<String, Tracer> tracers = new LinkedHashMap<>();
    private final Map<String, RaftNode> nodes = new LinkedHashMap<>();
    private final Map<String, Disk> disks = new LinkedHashMap<>();
    private final Map<String, List<Applied>> machines = new LinkedHashMap<>();
    private final Map<String, Integer> incarnations = new LinkedHashMap<>();
    private final List<Message> inFlight = new ArrayList<>();

    /** What a server's disk holds: the Ready contract's durable state, written only through {@link #ready}. */
    private static final class Disk {
        HardState hardState = HardState.INITIAL;
        Snapshot snapshot;
        final List<Entry> entries = new ArrayList<>();

        long base() {
            return snapshot == null ? 0 : snapshot.index();
        }
    }

    /** One command the state machine applied (the no-op is not a command). */
    private record Applied(long index, String value) {}

    public InteractionCluster(List<String> ids, long seed, int electionTicks, int heartbeatTicks, Bugs bugs,
            boolean preVote) {
        this(ids, seed, electionTicks, heartbeatTicks, bugs, preVote, RaftConfig.DEFAULT_MAX_APPEND_ENTRIES);
    }

    /** A cluster whose servers put at most {@code maxAppendEntries} entries in one AppendEntries. */
    public InteractionCluster(List<String> ids, long seed, int electionTicks, int heartbeatTicks, Bugs bugs,
            boolean preVote, int maxAppendEntries) {
        this.maxAppendEntries = maxAppendEntries;
        this.ids = List.copyOf(ids);
        this.seed = seed;
        this.electionTicks = electionTicks;
        this.heartbeatTicks = heartbeatTicks;
        this.bugs = bugs;
        this.preVote = preVote;
        for (String id : ids) {
            Tracer t = new Tracer(id, trace);
            tracers.put(id, t);
            incarnations.put(id, 0);
            disks.put(id, new Disk());
            machines.put(id, new ArrayList<>());
            nodes.put(id, RaftNode.start(config(id), t));
        }
    }

    private RaftConfig config(String id) {
        // Each server and each incarnation draws its own election timeouts, all from the one seed.
        long s = seed * 1_000_003L + ids.indexOf(id) * 1_009L + incarnations.get(id);
        return new RaftConfig(id, ids, electionTicks, heartbeatTicks, s, bugs).withPreVote(preVote)
                .withMaxAppend(maxAppendEntries, RaftConfig.DEFAULT_MAX_APPEND_BYTES);
    }

    public List<String> ids() {
        return ids;
    }

    public List<TraceEvent> trace() {
        return trace.events();
    }

    /** How many leading trace events the spec can explain: all of them (snapshots are spec actions too). */
    public int contractEvents() {
        return trace.events().size();
    }

    public boolean isUp(String id) {
        return nodes.get(id) != null;
    }

    /** Whether the live server {@code id} has a Ready to handle. */
    public boolean hasReady(String id) {
        return live(id).hasReady();
    }

    /** The live node, or a {@link NodeDown} naming it. */
    private RaftNode live(String id) {
        RaftNode n = nodes.get(id);
        if (n == null) {
            throw new NodeDown(id);
        }
        return n;
    }

    /** A command addressed a crashed server: printed, not a script error (the script may test exactly that). */
    public static final class NodeDown extends RuntimeException {
        public NodeDown(String id) {
            super(id + " is down");
        }
    }

    // ------------------------------------------------------------------ inputs

    public List<String> tick(String id, int times) {
        RaftNode n = live(id);
        int mark = mark();
        for (int i = 0; i < times; i++) {
            n.tick();
        }
        return eventsSince(mark);
    }

    /** Ticks until the election timer fires (the term moves, or with pre-vote a pre-vote round starts). */
    public List<String> campaign(String id) {
        RaftNode n = live(id);
        if (n.role() == Role.Leader) {
            return List.of(id + " is the leader: no election timer");
        }
        int mark = mark();
        long term = n.currentTerm();
        boolean pending = n.hasReady();
        int ticks = 0;
        while (n.currentTerm() == term && (pending || !n.hasReady())) {
            if (ticks == 4 * electionTicks) {
                return List.of(id + " did not time out in " + ticks + " ticks");
            }
            n.tick();
            ticks++;
        }
        List<String> out = new ArrayList<>();
        out.add(id + " timed out after " + ticks + " ticks");
        out.addAll(eventsSince(mark));
        return out;
    }

    public List<String> propose(String id, String value) {
        RaftNode n = live(id);
        int mark = mark();
        long index = n.propose(value.getBytes(StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        out.add(index < 0 ? id + " refused: not the leader" : id + " appended at index " + index);
        out.addAll(eventsSince(mark));
        return out;
    }

    public List<String> read(String id, long ctx) {
        RaftNode n = live(id);
        int mark = mark();
        n.readIndex(ctx);
        List<String> out = new ArrayList<>();
        out.add(id + " read ctx=" + ctx + " requested");
        out.addAll(eventsSince(mark));
        return out;
    }

    /**
     * Handles one Ready of {@code id} as the Ready contract says: persist (snapshot, hard state, log change),
     * then send, then apply, then serve reads, then advance.
     */
    public List<String> ready(String id) {
        RaftNode n = live(id);
        List<String> out = new ArrayList<>();
        if (!n.hasReady()) {
            out.add(id + " has no Ready");
            return out;
        }
        int mark = mark();
        Ready rd = n.ready();
        out.add(id + " Ready" + (rd.mustSync() ? " (sync)" : "") + ":");
        Disk d = disks.get(id);
        List<Applied> sm = machines.get(id);
        if (rd.snapshot() != null) {
            Snapshot s = rd.snapshot();
            out.add("  snapshot " + s.index() + "/" + s.term() + " installed");
            d.snapshot = s;
            d.entries.clear();
            sm.clear();
            sm.addAll(decode(s.data()));
        }
        if (rd.hardState() != null) {
            d.hardState = rd.hardState();
            out.add("  hardState term=" + rd.hardState().term() + " votedFor=" + rd.hardState().votedFor());
        }
        if (rd.hasLogWrite()) {
            int keep = (int) (rd.entriesFrom() - d.base() - 1);
            if (keep < 0 || keep > d.entries.size()) {
                throw new IllegalStateException(id + ": Ready writes from index " + rd.entriesFrom()
                        + " but the disk holds entries " + (d.base() + 1) + ".." + (d.base() + d.entries.size()));
            }
            d.entries.subList(keep, d.entries.size()).clear();
            d.entries.addAll(rd.entries());
            out.add("  persist from " + rd.entriesFrom() + " " + Rendering.entries(rd.entries()));
        }
        for (Message m : rd.messages()) {
            out.add("  send " + Rendering.message(m));
        }
        inFlight.addAll(rd.messages());
        long index = rd.firstCommittedIndex();
        for (Entry e : rd.committed()) {
            out.add("  apply " + index + " " + Rendering.entry(e));
            if (!e.isNoop()) {
                sm.add(new Applied(index, e.value()));
            }
            index++;
        }
        for (ReadState r : rd.readStates()) {
            out.add("  read ctx=" + r.ctx() + (r.ok() ? " index=" + r.index() + " ok" : " failed"));
        }
        n.advance(rd);
        out.addAll(eventsSince(mark));
        return out;
    }

    /** Delivers the matching messages in flight (in send order), at most {@code limit}; down servers keep theirs. */
    public List<String> deliver(Predicate<Message> which, int limit) {
        List<String> out = new ArrayList<>();
        int delivered = 0;
        int kept = 0;
        for (Message m : List.copyOf(inFlight)) {
            if (!which.test(m)) {
                continue;
            }
            if (!isUp(m.to())) {
                kept++;
                continue;
            }
            if (delivered == limit) {
                break;
            }
            inFlight.remove(m);
            delivered++;
            int mark = mark();
            nodes.get(m.to()).step(m);
            List<String> events = eventsSince(mark);
            if (events.isEmpty()) {
                out.add(m.to() + " stepped " + Rendering.message(m) + ": no trace event");
            }
            out.addAll(events);
        }
        if (kept > 0) {
            out.add(kept + " message(s) to down servers stay in flight");
        }
        if (delivered == 0 && kept == 0) {
            out.add("no message to deliver");
        }
        return out;
    }

    /** The network loses matching messages: the contract's DropMessage, logged with the destination as node. */
    public List<String> drop(Predicate<Message> which, int limit) {
        return networkFault(which, limit, EventType.DropMessage);
    }

    /** The network delivers a copy later: DuplicateMessage, and the copy joins the end of the in-flight list. */
    public List<String> duplicate(Predicate<Message> which, int limit) {
        return networkFault(which, limit, EventType.DuplicateMessage);
    }

    /**
     * Moves matching messages to the end of the in-flight list: later messages overtake them. Not a spec step
     * (the spec's network is a bag without order), so nothing is traced.
     */
    public List<String> delay(Predicate<Message> which, int limit) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (Message m : List.copyOf(inFlight)) {
            if (which.test(m) && n < limit) {
                n++;
                inFlight.remove(m);
                inFlight.add(m);
                out.add("delayed " + Rendering.message(m));
            }
        }
        if (n == 0) {
            out.add("no message matched");
        }
        return out;
    }

    private List<String> networkFault(Predicate<Message> which, int limit, EventType type) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (Message m : List.copyOf(inFlight)) {
            if (!which.test(m) || n == limit) {
                continue;
            }
            n++;
            if (type == EventType.DropMessage) {
                inFlight.remove(m);
            } else {
                inFlight.add(m);
            }
            if (m.inContract()) {
                int mark = mark();
                Tracer t = tracers.get(m.to());
                t.receive(m.clock());
                t.emit(type, m, null, StateChange.NONE);
                out.addAll(eventsSince(mark));
            } else {
                out.add((type == EventType.DropMessage ? "dropped " : "duplicated ") + Rendering.message(m));
            }
        }
        if (n == 0) {
            out.add("no message matched");
        }
        return out;
    }

    /**
     * Handles every Ready and delivers every message to a live server, round after round, until nothing is left
     * to do (no time passes, so no election or heartbeat starts).
     */
    public List<String> stabilize() {
        List<String> out = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean progress = false;
            for (String id : ids) {
                while (isUp(id) && nodes.get(id).hasReady()) {
                    out.addAll(ready(id));
                    progress = true;
                }
            }
            if (inFlight.stream().anyMatch(m -> isUp(m.to()))) {
                out.addAll(deliver(m -> isUp(m.to()), Integer.MAX_VALUE));
                progress = true;
            }
            if (!progress) {
                return out;
            }
        }
        throw new IllegalStateException("the cluster did not settle in " + MAX_ROUNDS + " rounds");
    }

    /** The server loses its memory; its disk keeps what its handled Ready batches persisted. */
    public List<String> crash(String id) {
        live(id);
        nodes.put(id, null);
        machines.get(id).clear();
        Disk d = disks.get(id);
        return List.of(id + " crashed; disk: term=" + d.hardState.term() + " votedFor=" + d.hardState.votedFor()
                + " log=" + log(d.snapshot, d.entries));
    }

    /** Recovers from the disk (crashing first if the server is up): the contract's Restart step. */
    public List<String> restart(String id) {
        List<String> out = new ArrayList<>();
        if (isUp(id)) {
            out.addAll(crash(id));
        }
        incarnations.merge(id, 1, Integer::sum);
        Disk d = disks.get(id);
        int mark = mark();
        nodes.put(id, RaftNode.restart(config(id), d.hardState, d.snapshot, List.copyOf(d.entries), tracers.get(id)));
        List<Applied> sm = machines.get(id);
        sm.clear();
        if (d.snapshot != null) {
            sm.addAll(decode(d.snapshot.data()));
        }
        out.add(id + " restarted from disk");
        out.addAll(eventsSince(mark));
        return out;
    }

    /**
     * The state machine is captured up to {@code index} and the log prefix replaced by a snapshot, which the
     * disk stores at once (as a driver must before the next Ready): the contract's CompactLog.
     */
    public List<String> compact(String id, long index) {
        RaftNode n = live(id);
        List<Applied> upTo = machines.get(id).stream().filter(a -> a.index() <= index).toList();
        int mark = mark();
        n.compact(index, encode(upTo));
        Disk d = disks.get(id);
        int drop = (int) Math.min(d.entries.size(), Math.max(0, index - d.base()));
        d.entries.subList(0, drop).clear();
        d.snapshot = n.snapshot();
        List<String> out = new ArrayList<>();
        out.add(id + " compacted to " + index + "; log " + log(d.snapshot, n.log()));
        out.addAll(eventsSince(mark));
        return out;
    }

    // ------------------------------------------------------------------ observation

    public List<String> status(String id) {
        RaftNode n = nodes.get(id);
        if (n == null) {
            return List.of(id + " down");
        }
        List<String> out = new ArrayList<>();
        out.add(id + " " + n.role() + " term=" + n.currentTerm() + " votedFor=" + n.votedFor() + " leader="
                + n.leaderId() + " commit=" + n.commitIndex() + " applied=" + n.appliedIndex() + " last="
                + n.lastIndex());
        out.add("  log " + log(n.snapshot(), n.log()));
        if (n.role() == Role.Leader) {
            out.add("  nextIndex " + Rendering.indexes(n.nextIndex()) + " matchIndex " + Rendering.indexes(n.matchIndex()));
        }
        StringJoiner sm = new StringJoiner(" ", "[", "]");
        machines.get(id).forEach(a -> sm.add(Rendering.quote(a.value())));
        out.add("  state machine " + sm);
        return out;
    }

    public List<String> network() {
        List<String> out = new ArrayList<>();
        for (Message m : inFlight) {
            out.add(Rendering.message(m));
        }
        if (out.isEmpty()) {
            out.add("no message in flight");
        }
        return out;
    }

    private static String log(Snapshot snap, List<Entry> entries) {
        return (snap == null ? "" : "snapshot=" + snap.index() + "/" + snap.term() + " ") + Rendering.entries(entries);
    }

    private int mark() {
        return trace.events().size();
    }

    private List<String> eventsSince(int mark) {
        List<String> out = new ArrayList<>();
        List<TraceEvent> all = trace.events();
        for (int i = mark; i < all.size(); i++) {
            out.addAll(Rendering.event(all.get(i)));
        }
        return out;
    }

    /** Snapshot data: one {@code index value} line per applied command. */
    private static byte[] encode(List<Applied> applied) {
        StringBuilder sb = new StringBuilder();
        for (Applied a : applied) {
            sb.append(a.index()).append(' ').append(a.value()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Applied> decode(byte[] data) {
        List<Applied> out = new ArrayList<>();
        for (Iterator<String> it = new String(data, StandardCharsets.UTF_8).lines().iterator(); it.hasNext(); ) {
            String l = it.next();
            int sp = l.indexOf(' ');
            out.add(new Applied(Long.parseLong(l.substring(0, sp)), l.substring(sp + 1)));
        }
        return out;
    }
}
