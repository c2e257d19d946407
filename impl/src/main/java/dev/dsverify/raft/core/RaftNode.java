package dev.dsverify.raft.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Raft server as a pure state machine: no I/O, no threads, no clock. Time enters through {@link #tick()},
 * messages through {@link #step(Message)}, commands through {@link #propose(byte[])} and reads through
 * {@link #readIndex(long)}. Everything the outside world must do comes back as a {@link Ready} batch,
 * acknowledged with {@link #advance(Ready)}.
 *
 * <p>The Ready contract: between {@link #ready()} and {@link #advance(Ready)} no input is accepted (each throws
 * {@link IllegalStateException}), so what {@code advance} marks durable is exactly what the Ready carried.
 * After every input the core checks its invariants (always on).
 *
 * <p>Every change of a spec variable is one event of specs/raft/TRACE-CONTRACT.md, reported at the moment it
 * happens to the server's {@link ContractTrace}. The protocol itself lives in package-private classes, one
 * part per file (see impl/README.md); this class is its public face.
 */
public final class RaftNode {
    private final Raft raft;
    /** The Ready handed out and not yet acknowledged, or null. */
    private Ready outstanding;

    private RaftNode(Raft raft) {
        this.raft = raft;
    }

    /** A server starting for the first time, in the spec's initial state. */
    public static RaftNode start(RaftConfig cfg, ContractTrace tracer) {
        return new RaftNode(new Raft(cfg, HardState.INITIAL, null, List.of(), tracer));
    }

    /**
     * A server recovering its durable state after a crash, a snapshot (or null) plus the entries after it: the
     * contract's {@code Restart} step. The snapshot's entries count as committed and applied: the driver restores
     * the state machine from it, and the commit index restarts at its point.
     */
    public static RaftNode restart(RaftConfig cfg, HardState hs, Snapshot snap, List<Entry> entries,
            ContractTrace tracer) {
        Raft r = new Raft(cfg, hs, snap, entries, tracer);
        r.restartStep();
        RaftNode n = new RaftNode(r);
        r.checkInvariants(hs.term());
        return n;
    }

    /**
     * A server recovering its durable state after a crash: the contract's {@code Restart} step.
     * Volatile state starts afresh; the state machine is rebuilt by applying committed entries again.
     */
    public static RaftNode restart(RaftConfig cfg, HardState hs, List<Entry> entries, ContractTrace tracer) {
        Raft r = new Raft(cfg, hs, null, entries, tracer);
        r.restartStep();
        RaftNode n = new RaftNode(r);
        r.checkInvariants(hs.term());
        return n;
    }

    // ------------------------------------------------------------------ inputs

    /** One unit of time passed: followers and candidates count towards an election, leaders towards a heartbeat. */
    public void tick() {
        long term = accepting("tick()");
        raft.tick();
        raft.checkInvariants(term);
    }

    /** Consumes one message from a peer. A malformed one (see the README) is ignored. */
    public void step(Message m) {
        long term = accepting("step()");
        raft.step(m);
        raft.checkInvariants(term);
    }

    /** Appends a command if this server leads; returns its log index, or -1 when not the leader. */
    public long propose(byte[] command) {
        long term = accepting("propose()");
        long index = raft.propose(command);
        raft.checkInvariants(term);
        return index;
    }

    /**
     * Asks for a linearizable read point. The answer comes back as a {@link ReadState} with the same
     * {@code ctx} once a majority has acknowledged this leader in a heartbeat round that started after the
     * request, or at once with {@code ok = false} when this server is not the leader.
     */
    public void readIndex(long ctx) {
        long term = accepting("readIndex()");
        raft.reads.request(ctx);
        raft.checkInvariants(term);
    }

    /**
     * The driver has applied entries up to {@code index} and captured the state machine in {@code data}: the
     * log up to {@code index} is replaced by the snapshot. The driver persists the snapshot with
     * {@link #snapshot()} and the remaining {@link #log()} before the next Ready.
     */
    public void compact(long index, byte[] data) {
        long term = accepting("compact()");
        raft.snapshots.compact(index, data);
        raft.checkInvariants(term);
    }

    private long accepting(String input) {
        if (outstanding != null) {
            throw new IllegalStateException(input + " called between ready() and advance(): the Ready contract "
                    + "takes no input until the driver has persisted, sent and applied the Ready and called advance()");
        }
        return raft.currentTerm;
    }

    // ------------------------------------------------------------------ the Ready protocol

    public boolean hasReady() {
        return raft.out.hasReady();
    }

    /** The work to do now; the next call must be {@link #advance(Ready)} with this Ready. */
    public Ready ready() {
        if (outstanding != null) {
            throw new IllegalStateException("ready() called again before advance(): the Ready contract "
                    + "acknowledges each Ready with advance() before the next one");
        }
        outstanding = raft.out.ready();
        return outstanding;
    }

    /** The driver has done everything {@code rd} asked for; only what {@code rd} carried becomes durable. */
    public void advance(Ready rd) {
        if (rd != outstanding) {
            throw new IllegalStateException(outstanding == null
                    ? "advance() without ready(): the Ready contract acknowledges only a Ready it handed out"
                    : "advance() with a Ready other than the one ready() returned");
        }
        outstanding = null;
        long term = raft.currentTerm;
        raft.advance(rd);
        raft.checkInvariants(term);
    }

    /** The latest snapshot, or null. */
    public Snapshot snapshot() {
        return raft.log.snapshot();
    }

    // ------------------------------------------------------------------ observation

    public String id() { return raft.id; }
    public Role role() { return raft.role; }
    public long currentTerm() { return raft.currentTerm; }
    public String votedFor() { return raft.votedFor; }
    public long commitIndex() { return raft.commitIndex; }
    public long lastIndex() { return raft.log.lastIndex(); }
    /** Index of the last entry covered by the snapshot (0: none). */
    public long snapshotIndex() { return raft.log.snapshotIndex(); }
    public long appliedIndex() { return raft.out.applied(); }
    /** The leader this server last heard from in its current term, or null. */
    public String leaderId() { return raft.leaderId; }
    /** The entries after the snapshot (all entries while none was taken). */
    public List<Entry> log() { return raft.log.entries(); }
    public Entry entry(long index) { return raft.log.entry(index); }
    /** The term of the entry at {@code index}; 0 for index 0 (the empty prefix). */
    public long term(long index) { return raft.log.term(index); }
    public Set<String> votesGranted() { return Collections.unmodifiableSet(raft.election.votesGranted()); }
    public Map<String, Long> nextIndex() { return raft.tracker.nextIndex(); }
    public Map<String, Long> matchIndex() { return raft.tracker.matchIndex(); }
    public RaftConfig config() { return raft.cfg; }
    /** How often an enabled {@link Bugs} switch changed this server's behaviour (0 when none is enabled). */
    public long bugActivations() { return raft.variations.activations(); }
    public ContractTrace tracer() { return raft.trace.out(); }
}
