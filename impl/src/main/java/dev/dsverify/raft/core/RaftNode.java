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
     * A server starting for the first time that takes exactly one step of Raft.tla per input: see
     * {@link #isStepByStep()}. For drivers that walk the spec's behaviours (conformance checking).
     */
    public static RaftNode startStepByStep(RaftConfig cfg, ContractTrace tracer) {
        RaftNode n = start(cfg, tracer);
        n.raft.stepByStep = true;
        return n;
    }

    /** {@link #restart(RaftConfig, HardState, List, ContractTrace)} of a server that takes one spec step per input. */
    public static RaftNode restartStepByStep(RaftConfig cfg, HardState hs, List<Entry> entries, ContractTrace tracer) {
        RaftNode n = restart(cfg, hs, entries, tracer);
        n.raft.stepByStep = true;
        return n;
    }

    /**
     * {@link #restart(RaftConfig, HardState, Snapshot, List, ContractTrace)} (a recovered snapshot, or null, and the
     * entries after it) of a server that takes one spec step per input.
     */
    public static RaftNode restartStepByStep(RaftConfig cfg, HardState hs, Snapshot snap, List<Entry> entries,
            ContractTrace tracer) {
        RaftNode n = restart(cfg, hs, snap, entries, tracer);
        n.raft.stepByStep = true;
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

    // ------------------------------------------------------------------ inputs that name one spec step
    //
    // Each runs the protocol's own code for one action of specs/raft/Raft.tla at the moment the driver chooses,
    // instead of when a timer or a message would trigger it. Each returns whether the server took the step; when
    // the server's state does not allow it (the action's guard as the code sees it), nothing changes.

    /**
     * Whether this server takes exactly one step of Raft.tla per input. In that mode the steps a server
     * otherwise chains by itself wait for their own input: the RequestVotes after a Timeout
     * ({@link #requestVote}), BecomeLeader on the deciding vote ({@link #becomeLeaderNow}), a new leader's
     * no-op ({@link #propose}) and AppendEntries ({@link #sendAppend}), the AppendEntries after a proposal or a
     * response (of an AppendEntries or an InstallSnapshot), AdvanceCommitIndex after a response or a write
     * ({@link #advanceCommitNow}), the RequestPreVotes after a PreVote ({@link #requestPreVote}) and the Timeout
     * on the deciding pre-vote ({@link #timeoutNow}). Every step runs
     * the same code as in the normal mode; only the chaining differs.
     */
    public boolean isStepByStep() {
        return raft.stepByStep;
    }

    /**
     * Timeout: the election timer of a follower or candidate fires now. A leader has none: false. With pre-vote on
     * ({@link RaftConfig#preVote()}) the timer fires into {@link #preVoteNow()}, and Timeout is taken only by a
     * pre-candidate holding pre-votes from a majority, its own included (false otherwise); in the normal mode the
     * deciding pre-vote takes it at once.
     */
    public boolean timeoutNow() {
        return stepInput("timeoutNow()", () -> raft.election.timeoutNow());
    }

    /** RequestVote: a candidate sends {@code peer} its vote request now. False when not a candidate or no peer. */
    public boolean requestVote(String peer) {
        return stepInput("requestVote()", () -> raft.election.requestVote(peer));
    }

    /** BecomeLeader: a candidate holding votes from a majority becomes leader now; false otherwise. */
    public boolean becomeLeaderNow() {
        return stepInput("becomeLeaderNow()", () -> raft.election.becomeLeaderIfWon());
    }

    /**
     * AppendEntries: a leader sends {@code peer} the {@code n} entries from its nextIndex for the peer on
     * ({@code n = 0}: a heartbeat). False when not the leader, no peer, or the log holds fewer than {@code n}
     * entries from there.
     */
    public boolean sendAppend(String peer, int n) {
        return stepInput("sendAppend()", () -> raft.replication.sendAppend(peer, n));
    }

    /**
     * PreVote: the election timer of a follower or candidate fires now with pre-vote on: a new pre-vote phase
     * holding only its own pre-vote, role and term unchanged. In step-by-step mode no request is sent (each is a
     * {@link #requestPreVote}). False for a leader or with pre-vote off (the timer fires into {@link #timeoutNow}).
     */
    public boolean preVoteNow() {
        return stepInput("preVoteNow()", () -> raft.election.preVoteNow());
    }

    /** RequestPreVote: a pre-candidate sends {@code peer} its pre-vote request now; false when not one or no peer. */
    public boolean requestPreVote(String peer) {
        return stepInput("requestPreVote()", () -> raft.election.requestPreVote(peer));
    }

    /**
     * CompactLog: as {@link #compact(long, byte[])}, but false (nothing changes) instead of an exception when
     * {@code index} is not beyond the snapshot or not yet applied (the driver applies only committed entries).
     */
    public boolean compactNow(long index, byte[] data) {
        return stepInput("compactNow()", () -> raft.snapshots.compactNow(index, data));
    }

    /**
     * InstallSnapshot: a leader sends {@code peer} its snapshot now, in place of an AppendEntries. False when not
     * the leader, no peer, no snapshot, or the peer's nextIndex is past the snapshot point (it needs no entry the
     * snapshot replaced: {@link #sendAppend} then).
     */
    public boolean sendSnapshot(String peer) {
        return stepInput("sendSnapshot()", () -> raft.snapshots.sendSnapshot(peer));
    }

    /** AdvanceCommitIndex: a leader raises its commit index now; false when it is not leader or it cannot move. */
    public boolean advanceCommitNow() {
        return stepInput("advanceCommitNow()", () -> raft.commit.maybeAdvance());
    }

    /**
     * CheckQuorum: a leader checks now whether it heard from a majority (itself included) since it became leader
     * or last checked, and steps down if not; either way a new period starts. False when not the leader or
     * check-quorum is off ({@link RaftConfig#checkQuorum()}).
     */
    public boolean checkQuorumNow() {
        long term = accepting("checkQuorumNow()");
        if (raft.role != Role.Leader || !raft.cfg.checkQuorum()) {
            return false;
        }
        raft.checkQuorum();
        raft.checkInvariants(term);
        return true;
    }

    /**
     * UpdateTerm alone: {@code m} carries a newer term, which this server adopts now without handling
     * {@code m}; a later {@link #step(Message)} handles it in the new term. False when {@code m}'s term is not
     * newer or {@code m} is malformed (see the README).
     */
    public boolean observeTerm(Message m) {
        return stepInput("observeTerm()", () -> raft.observeTerm(m));
    }

    /** A step-by-step input: refused inside the Ready contract, the invariants checked after it; whether it took. */
    private boolean stepInput(String input, java.util.function.BooleanSupplier step) {
        long term = accepting(input);
        boolean took = step.getAsBoolean();
        raft.checkInvariants(term);
        return took;
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
    /** The peers heard from (a message of this leader's term) since it became leader or last checked for a quorum. */
    public Set<String> heardFrom() { return raft.tracker.heardFrom(); }
    /** Whether this server is in a pre-vote phase (the spec's preCandidate). */
    public boolean preCandidate() { return raft.election.preCandidate(); }
    /** The pre-votes held, its own included (the spec's preVotesGranted; kept when the phase ends, as there). */
    public Set<String> preVotesGranted() { return Collections.unmodifiableSet(raft.election.preVotes()); }
    public RaftConfig config() { return raft.cfg; }
    /** How often an enabled {@link Bugs} switch changed this server's behaviour (0 when none is enabled). */
    public long bugActivations() { return raft.variations.activations(); }
    public ContractTrace tracer() { return raft.trace.out(); }
}
