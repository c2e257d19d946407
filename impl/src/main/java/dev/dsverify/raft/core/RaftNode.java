package dev.dsverify.raft.core;

import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.LogChange;
import dev.dsverify.raft.trace.StateChange;
import dev.dsverify.raft.trace.Tracer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One Raft server as a pure state machine: no I/O, no threads, no clock. Time enters through {@link #tick()},
 * messages through {@link #step(Message)}, commands through {@link #propose(byte[])} and reads through
 * {@link #readIndex(long)}. Everything the outside world must do comes back as a {@link Ready} batch,
 * acknowledged with {@link #advance(Ready)}; no other call may come between {@link #ready()} and
 * {@link #advance(Ready)}.
 *
 * <p>Every change of a spec variable is one event of specs/raft/TRACE-CONTRACT.md, emitted through the
 * {@link Tracer} at the moment it happens. The spec variables are the fields in the first block below;
 * everything else (timers, the leader hint, read-index bookkeeping) is outside the spec and not traced.
 */
public final class RaftNode {
    private final RaftConfig cfg;
    private final String id;
    private final List<String> peers;
    private final int quorum;
    private final Bugs bugs;
    private final Random random;
    private final Tracer tracer;
    private final boolean tracing;

    // ---- spec variables ----
    private long currentTerm;
    private String votedFor;
    /** Entries snapshotIndex+1 .. lastIndex (all of them while no snapshot was taken). */
    private final ArrayList<Entry> log = new ArrayList<>();
    private Role role = Role.Follower;
    private long commitIndex;
    private final LinkedHashSet<String> votesGranted = new LinkedHashSet<>();
    private final LinkedHashMap<String, Long> nextIndex = new LinkedHashMap<>();
    private final LinkedHashMap<String, Long> matchIndex = new LinkedHashMap<>();

    // ---- outside the spec ----
    private String leaderId;
    private int electionElapsed;
    private int randomizedElectionTimeout;
    private int heartbeatElapsed;
    private final Set<String> inflight = new HashSet<>();
    /** Heartbeat round of read-index confirmation; every request carries the round current when it left. */
    private long round;
    private final Map<String, Long> ackedRound = new LinkedHashMap<>();
    private final ArrayDeque<PendingRead> pendingReads = new ArrayDeque<>();
    private final List<Long> readsAwaitingCommit = new ArrayList<>();
    /** Pre-vote phase (option): asking whether an election could be won, before changing any spec variable. */
    private boolean preCandidate;
    private final Set<String> preVotes = new HashSet<>();
    /** Check-quorum (option): peers heard from in the current check period. */
    private final Set<String> recentlyActive = new HashSet<>();
    private int checkQuorumElapsed;

    // ---- Ready bookkeeping ----
    private boolean hardStateDirty;
    private long unstableFrom; // 0: no unpersisted log change
    private long stableIndex;  // entries 1..stableIndex are durable
    private long applied;
    private long bugActivations;
    /** The log prefix replaced by a snapshot (option, outside the spec): index, term and state. */
    private long snapshotIndex;
    private long snapshotTerm;
    private Snapshot snapshot;
    private Snapshot snapshotToInstall;
    private long observedChangeFrom = 1; // a fresh or recovered log is new to any observer
    private final ArrayList<Message> outbox = new ArrayList<>();
    private final ArrayList<ReadState> readStates = new ArrayList<>();

    private record PendingRead(long ctx, long index, long round) {}

    private RaftNode(RaftConfig cfg, HardState hs, List<Entry> entries, Tracer tracer) {
        this.cfg = cfg;
        this.id = cfg.id();
        List<String> p = new ArrayList<>(cfg.servers());
        p.remove(id);
        this.peers = List.copyOf(p);
        this.quorum = cfg.servers().size() / 2 + 1;
        this.bugs = cfg.bugs();
        this.random = new Random(cfg.seed());
        this.tracer = tracer;
        this.tracing = tracer.enabled();
        this.currentTerm = hs.term();
        this.votedFor = hs.votedFor();
        this.log.addAll(entries);
        this.stableIndex = entries.size();
        for (String peer : peers) {
            nextIndex.put(peer, 1L);
            matchIndex.put(peer, 0L);
            ackedRound.put(peer, 0L);
        }
        resetElectionTimer();
    }

    /** A server starting for the first time, in the spec's initial state. */
    public static RaftNode start(RaftConfig cfg, Tracer tracer) {
        return new RaftNode(cfg, HardState.INITIAL, List.of(), tracer);
    }

    /**
     * Restart from a snapshot plus the entries after it (snapshots are an option outside the spec). The
     * snapshot's entries count as committed and applied: the driver restores the state machine from it.
     */
    public static RaftNode restart(RaftConfig cfg, HardState hs, Snapshot snap, List<Entry> entries, Tracer tracer) {
        if (snap == null) {
            return restart(cfg, hs, entries, tracer);
        }
        RaftNode n = new RaftNode(cfg, hs, List.of(), tracer);
        n.snapshot = snap;
        n.snapshotIndex = snap.index();
        n.snapshotTerm = snap.term();
        n.log.addAll(entries);
        n.stableIndex = n.last();
        n.commitIndex = snap.index();
        n.applied = snap.index();
        n.observedChangeFrom = snap.index() + 1;
        return n;
    }

    /**
     * A server recovering its durable state after a crash: the contract's {@code Restart} step.
     * Volatile state starts afresh; the state machine is rebuilt by applying committed entries again.
     */
    public static RaftNode restart(RaftConfig cfg, HardState hs, List<Entry> entries, Tracer tracer) {
        RaftNode n = new RaftNode(cfg, hs, entries, tracer);
        boolean forgot = cfg.bugs().forgetVoteOnRestart() && hs.votedFor() != null;
        if (forgot) {
            n.votedFor = null;
            n.hardStateDirty = true;
            n.bugActivations++;
        }
        tracer.step();
        if (n.tracing) {
            StateChange.Builder s = StateChange.builder().role(Role.Follower).commitIndex(0)
                    .votesGranted(List.of()).nextIndex(n.copy(n.nextIndex)).matchIndex(n.copy(n.matchIndex));
            if (forgot) {
                s.votedFor(null);
            }
            n.emit(EventType.Restart, null, null, s.build());
        }
        return n;
    }

    // ------------------------------------------------------------------ inputs

    /** One unit of time passed: followers and candidates count towards an election, leaders towards a heartbeat. */
    public void tick() {
        if (role == Role.Leader) {
            if (cfg.checkQuorum() && ++checkQuorumElapsed >= cfg.electionTicks()) {
                checkQuorumElapsed = 0;
                boolean quorumActive = recentlyActive.size() + 1 >= quorum;
                recentlyActive.clear();
                if (!quorumActive) {
                    stepDownWithoutQuorum();
                    return;
                }
            }
            if (++heartbeatElapsed >= cfg.heartbeatTicks()) {
                heartbeatElapsed = 0;
                for (String peer : peers) {
                    sendAppend(peer);
                }
            }
        } else if (++electionElapsed >= randomizedElectionTimeout) {
            if (cfg.preVote()) {
                startPreVote();
            } else {
                timeout();
            }
        }
    }

    /** Check-quorum: a leader cut off from a majority stops acting as leader (not a spec action, not traced). */
    private void stepDownWithoutQuorum() {
        loseLeadershipOrCandidacy();
        role = Role.Follower;
        leaderId = null;
        resetElectionTimer();
    }

    private void startPreVote() {
        preCandidate = true;
        preVotes.clear();
        preVotes.add(id);
        resetElectionTimer();
        for (String peer : peers) {
            outbox.add(new PreVoteRequest(id, peer, currentTerm + 1, tracer.clock(), lastTerm(), last()));
        }
        if (preVotes.size() >= quorum) {
            preCandidate = false;
            timeout();
        }
    }

    private void handlePreVote(Message m) {
        if (m instanceof PreVoteRequest r) {
            boolean logOk = r.lastLogTerm() > lastTerm()
                    || (r.lastLogTerm() == lastTerm() && r.lastLogIndex() >= last());
            // A server that hears from a live leader refuses, so a returning server cannot disrupt a healthy cluster.
            boolean leaderAlive = role == Role.Leader || (leaderId != null && electionElapsed < cfg.electionTicks());
            boolean grant = r.term() > currentTerm && logOk && !leaderAlive;
            outbox.add(new PreVoteResponse(id, r.from(), grant ? r.term() : currentTerm, tracer.clock(), grant));
        } else if (m instanceof PreVoteResponse r) {
            if (preCandidate && r.voteGranted() && r.term() == currentTerm + 1) {
                preVotes.add(r.from());
                if (preVotes.size() >= quorum) {
                    preCandidate = false;
                    timeout();
                }
            }
        }
    }

    /** Appends a command if this server leads; returns its log index, or -1 when not the leader. */
    public long propose(byte[] command) {
        if (role != Role.Leader) {
            return -1;
        }
        long index = appendOwn(command);
        for (String peer : peers) {
            if (!inflight.contains(peer)) {
                sendAppend(peer);
            }
        }
        return index;
    }

    /**
     * Asks for a linearizable read point. The answer comes back as a {@link ReadState} with the same
     * {@code ctx} once a majority has acknowledged this leader in a heartbeat round that started after the
     * request, or at once with {@code ok = false} when this server is not the leader.
     */
    public void readIndex(long ctx) {
        if (role != Role.Leader) {
            readStates.add(new ReadState(ctx, 0, false));
        } else if (commitIndex == 0 || term(commitIndex) != currentTerm) {
            // Until an entry of this term commits, the leader's commitIndex may lag the cluster's.
            readsAwaitingCommit.add(ctx);
            if (bugs.commitOldTerm() && lastTerm() != currentTerm) {
                // Without an election no-op (see becomeLeader) a read would wait for a write; append it now.
                appendOwn(new byte[0]);
                for (String peer : peers) {
                    if (!inflight.contains(peer)) {
                        sendAppend(peer);
                    }
                }
            }
        } else {
            startReadRound(List.of(ctx));
        }
    }

    /** Consumes one message from a peer. */
    public void step(Message m) {
        if (m instanceof PreVoteRequest || m instanceof PreVoteResponse) {
            handlePreVote(m);
            return;
        }
        if (role == Role.Leader && m.term() == currentTerm) {
            recentlyActive.add(m.from());
        }
        if (m.term() > currentTerm) {
            preCandidate = false;
            tracer.receive(m.clock());
            currentTerm = m.term();
            votedFor = null;
            hardStateDirty = true;
            if (role != Role.Follower) {
                loseLeadershipOrCandidacy();
            }
            role = Role.Follower;
            leaderId = null;
            if (tracing) {
                emit(EventType.UpdateTerm, m, null, StateChange.builder().currentTerm(currentTerm)
                        .role(Role.Follower).votedFor(null).build());
            }
        }
        tracer.receive(m.clock());
        if (m instanceof RequestVoteRequest r) {
            handleRequestVoteRequest(r);
        } else if (m instanceof RequestVoteResponse r) {
            handleRequestVoteResponse(r);
        } else if (m instanceof AppendEntriesRequest r) {
            handleAppendEntriesRequest(r);
        } else if (m instanceof AppendEntriesResponse r) {
            handleAppendEntriesResponse(r);
        } else if (m instanceof InstallSnapshotRequest r) {
            handleInstallSnapshot(r);
        } else if (m instanceof InstallSnapshotResponse r) {
            handleInstallSnapshotResponse(r);
        }
    }

    // ------------------------------------------------------------------ snapshots (option, outside the spec)

    /**
     * The driver has applied entries up to {@code index} and captured the state machine in {@code data}: the
     * log up to {@code index} is replaced by the snapshot. The driver persists the snapshot with
     * {@link #snapshot()} and the remaining {@link #log()} before the next Ready.
     */
    public void compact(long index, byte[] data) {
        if (index > applied || index <= snapshotIndex) {
            throw new IllegalArgumentException("cannot compact to " + index + " (applied " + applied + ", snapshot "
                    + snapshotIndex + ")");
        }
        long t = term(index);
        log.subList(0, (int) (index - snapshotIndex)).clear();
        snapshotIndex = index;
        snapshotTerm = t;
        snapshot = new Snapshot(index, t, data.clone());
    }

    /** The latest snapshot, or null. */
    public Snapshot snapshot() {
        return snapshot;
    }

    private void handleInstallSnapshot(InstallSnapshotRequest r) {
        if (r.term() < currentTerm) {
            outbox.add(new InstallSnapshotResponse(id, r.from(), currentTerm, tracer.clock(), false, 0, r.round()));
            return;
        }
        leaderId = r.from();
        preCandidate = false;
        resetElectionTimer();
        if (role == Role.Candidate) {
            loseLeadershipOrCandidacy();
            role = Role.Follower;
        }
        Snapshot snap = r.snapshot();
        if (snap.index() > commitIndex) {
            boolean keepSuffix = snap.index() > snapshotIndex && snap.index() <= last() && term(snap.index()) == snap.term();
            if (keepSuffix) {
                log.subList(0, (int) (snap.index() - snapshotIndex)).clear();
            } else {
                log.clear();
            }
            snapshotIndex = snap.index();
            snapshotTerm = snap.term();
            snapshot = snap;
            snapshotToInstall = snap;
            commitIndex = snap.index();
            stableIndex = Math.min(stableIndex, snapshotIndex);
            observedChangeFrom = snap.index() + 1;
        }
        outbox.add(new InstallSnapshotResponse(id, r.from(), currentTerm, tracer.clock(), true, snap.index(), r.round()));
    }

    /**
     * What every response from a peer tells a leader: the peer is free for the next request, it has seen
     * heartbeat round {@code round}, and on success it holds the log up to {@code match}. Responses arrive
     * late, reordered and duplicated, so the indexes only ever rise here.
     */
    private void acknowledge(String peer, long round, boolean success, long match) {
        inflight.remove(peer);
        ackedRound.merge(peer, round, Math::max);
        if (success) {
            matchIndex.put(peer, Math.max(matchIndex.get(peer), match));
            nextIndex.put(peer, Math.max(nextIndex.get(peer), match + 1));
        }
    }

    private void handleInstallSnapshotResponse(InstallSnapshotResponse r) {
        if (role != Role.Leader || r.term() != currentTerm) {
            return;
        }
        String peer = r.from();
        acknowledge(peer, r.round(), r.success(), r.matchIndex());
        maybeAdvanceCommitIndex();
        confirmReads();
        if (nextIndex.get(peer) <= last()) {
            sendAppend(peer);
        }
    }

    // ------------------------------------------------------------------ Ready protocol

    public boolean hasReady() {
        return hardStateDirty || unstableFrom > 0 || !outbox.isEmpty() || !readStates.isEmpty()
                || Math.min(commitIndex, last()) > applied || snapshotToInstall != null;
    }

    public Ready ready() {
        HardState hs = hardStateDirty ? new HardState(currentTerm, votedFor) : null;
        long from = snapshotToInstall != null ? snapshotIndex + 1 : unstableFrom;
        List<Entry> entries = from > 0 ? List.copyOf(slice(from)) : List.of();
        long firstToApply = snapshotToInstall != null ? snapshotIndex + 1 : applied + 1;
        long upTo = Math.min(commitIndex, last());
        List<Entry> committed = upTo >= firstToApply
                ? List.copyOf(log.subList((int) (firstToApply - snapshotIndex - 1), (int) (upTo - snapshotIndex)))
                : List.of();
        return new Ready(hs, from, entries, List.copyOf(outbox), committed, firstToApply,
                List.copyOf(readStates), snapshotToInstall);
    }

    /** The driver has done everything {@code rd} asked for. */
    public void advance(Ready rd) {
        if (rd.hardState() != null) {
            hardStateDirty = false;
        }
        if (rd.hasLogWrite() || rd.snapshot() != null) {
            unstableFrom = 0;
            stableIndex = last();
        }
        if (rd.snapshot() != null) {
            snapshotToInstall = null;
            applied = Math.max(applied, rd.snapshot().index());
        }
        outbox.subList(0, Math.min(rd.messages().size(), outbox.size())).clear();
        readStates.subList(0, Math.min(rd.readStates().size(), readStates.size())).clear();
        applied = Math.max(applied, rd.firstCommittedIndex() + rd.committed().size() - 1);
        if (role == Role.Leader) {
            // The leader counts itself only for durable entries, so its own write may decide a commit.
            maybeAdvanceCommitIndex();
        }
    }

    // ------------------------------------------------------------------ elections

    private void timeout() {
        tracer.step();
        preCandidate = false;
        loseLeadershipOrCandidacy();
        currentTerm++;
        role = Role.Candidate;
        votedFor = id;
        hardStateDirty = true;
        leaderId = null;
        votesGranted.clear();
        votesGranted.add(id);
        resetElectionTimer();
        if (tracing) {
            emit(EventType.Timeout, null, null, StateChange.builder().currentTerm(currentTerm).role(role)
                    .votedFor(id).votesGranted(new ArrayList<>(votesGranted)).build());
        }
        for (String peer : peers) {
            tracer.step();
            RequestVoteRequest req = new RequestVoteRequest(id, peer, currentTerm, tracer.clock(), lastTerm(),
                    last());
            if (tracing) {
                emit(EventType.RequestVote, req, null, StateChange.NONE);
            }
            outbox.add(req);
        }
        if (votesGranted.size() >= quorum) {
            becomeLeader();
        }
    }

    private void handleRequestVoteRequest(RequestVoteRequest r) {
        boolean logOk = r.lastLogTerm() > lastTerm()
                || (r.lastLogTerm() == lastTerm() && r.lastLogIndex() >= last());
        boolean free = votedFor == null || votedFor.equals(r.from()) || bugs.doubleVote();
        boolean grant = r.term() == currentTerm && logOk && free;
        if (grant && votedFor != null && !votedFor.equals(r.from())) {
            bugActivations++;
        }
        if (grant) {
            votedFor = r.from();
            hardStateDirty = true;
            resetElectionTimer();
        }
        RequestVoteResponse resp = new RequestVoteResponse(id, r.from(), currentTerm, tracer.clock(), grant);
        if (tracing) {
            emit(EventType.HandleRequestVoteRequest, r, resp,
                    grant ? StateChange.builder().votedFor(votedFor).build() : StateChange.NONE);
        }
        outbox.add(resp);
    }

    private void handleRequestVoteResponse(RequestVoteResponse r) {
        boolean counted = role == Role.Candidate && r.term() == currentTerm && r.voteGranted();
        if (counted) {
            votesGranted.add(r.from());
        }
        if (tracing) {
            emit(EventType.HandleRequestVoteResponse, r, null, counted
                    ? StateChange.builder().votesGranted(new ArrayList<>(votesGranted)).build() : StateChange.NONE);
        }
        if (counted && votesGranted.size() >= quorum) {
            becomeLeader();
        }
    }

    private void becomeLeader() {
        tracer.step();
        role = Role.Leader;
        leaderId = id;
        for (String peer : peers) {
            nextIndex.put(peer, last() + 1L);
            matchIndex.put(peer, 0L);
            ackedRound.put(peer, 0L);
        }
        inflight.clear();
        heartbeatElapsed = 0;
        checkQuorumElapsed = 0;
        recentlyActive.clear();
        if (tracing) {
            emit(EventType.BecomeLeader, null, null, StateChange.builder().role(role).nextIndex(copy(nextIndex))
                    .matchIndex(copy(matchIndex)).build());
        }
        // A no-op of the new term lets the leader learn what is committed (paper section 8) and serve reads.
        // The commit-old-term bug leaves it out: with it, old entries would always commit correctly behind it.
        if (!bugs.commitOldTerm()) {
            appendOwn(new byte[0]);
        }
        for (String peer : peers) {
            sendAppend(peer);
        }
    }

    // ------------------------------------------------------------------ replication

    private long appendOwn(byte[] command) {
        tracer.step();
        Entry e = new Entry(currentTerm, command.clone());
        log.add(e);
        markUnstable(last());
        if (tracing) {
            emit(EventType.ClientRequest, null, null,
                    StateChange.builder().log(new LogChange(last(), last(), List.of(e))).build());
        }
        return last();
    }

    private void sendAppend(String peer) {
        tracer.step();
        long next = nextIndex.get(peer);
        if (next <= snapshotIndex) {
            // The entries this peer needs were compacted away: send the snapshot instead.
            outbox.add(new InstallSnapshotRequest(id, peer, currentTerm, tracer.clock(), snapshot, round));
            inflight.add(peer);
            return;
        }
        long prev = next - 1;
        List<Entry> entries = next <= last() ? slice(next) : List.of();
        AppendEntriesRequest req = new AppendEntriesRequest(id, peer, currentTerm, tracer.clock(), prev, term(prev),
                entries, Math.min(commitIndex, prev + entries.size()), round);
        if (tracing) {
            emit(EventType.AppendEntries, req, null, StateChange.NONE);
        }
        outbox.add(req);
        inflight.add(peer);
    }

    private void handleAppendEntriesRequest(AppendEntriesRequest r) {
        if (r.term() < currentTerm) {
            reject(r, StateChange.NONE);
            return;
        }
        leaderId = r.from();
        preCandidate = false;
        resetElectionTimer();
        long prev = r.prevLogIndex();
        long prevTerm = r.prevLogTerm();
        List<Entry> incoming = r.entries();
        if (prev < snapshotIndex) {
            // Entries up to the snapshot are committed, hence the same as the leader's: skip them (snapshot option).
            long covered = snapshotIndex - prev;
            if (incoming.size() <= covered) {
                outbox.add(new AppendEntriesResponse(id, r.from(), currentTerm, tracer.clock(), true,
                        prev + incoming.size(), r.round()));
                return;
            }
            prevTerm = incoming.get((int) covered - 1).term();
            incoming = incoming.subList((int) covered, incoming.size());
            prev = snapshotIndex;
        }
        boolean prevOk = prev == 0 || (prev <= last() && (term(prev) == prevTerm || bugs.skipPrevLogCheck()));
        if (!prevOk) {
            // As in the contract, a rejection changes nothing; a candidate steps down on the next request it accepts.
            reject(r, StateChange.NONE);
            return;
        }
        StateChange.Builder s = StateChange.builder();
        if (role == Role.Candidate) {
            loseLeadershipOrCandidacy();
            role = Role.Follower;
            s.role(role);
        }
        if (prev > 0 && term(prev) != prevTerm) {
            bugActivations++;
        }
        long changedFrom = 0;
        long index = prev;
        for (Entry e : incoming) {
            index++;
            if (index <= last()) {
                if (term(index) == e.term()) {
                    continue;
                }
                truncateFrom(index);
            }
            log.add(e);
            if (changedFrom == 0) {
                changedFrom = index;
            }
        }
        if (changedFrom > 0) {
            markUnstable(changedFrom);
            s.log(new LogChange(last(), changedFrom, slice(changedFrom)));
        }
        long last = prev + incoming.size();
        long newCommit = bugs.commitBackwards()
                ? Math.min(r.commitIndex(), last) : Math.max(commitIndex, Math.min(r.commitIndex(), last));
        if (newCommit < commitIndex) {
            bugActivations++;
        }
        if (newCommit != commitIndex) {
            commitIndex = newCommit;
            s.commitIndex(commitIndex);
        }
        AppendEntriesResponse resp = new AppendEntriesResponse(id, r.from(), currentTerm, tracer.clock(), true, last,
                r.round());
        if (tracing) {
            emit(EventType.HandleAppendEntriesRequest, r, resp, s.build());
        }
        outbox.add(resp);
    }

    private void reject(AppendEntriesRequest r, StateChange s) {
        AppendEntriesResponse resp = new AppendEntriesResponse(id, r.from(), currentTerm, tracer.clock(), false, 0,
                r.round());
        if (tracing) {
            emit(EventType.HandleAppendEntriesRequest, r, resp, s);
        }
        outbox.add(resp);
    }

    private void handleAppendEntriesResponse(AppendEntriesResponse r) {
        if (role != Role.Leader || r.term() != currentTerm) {
            if (tracing) {
                emit(EventType.HandleAppendEntriesResponse, r, null, StateChange.NONE);
            }
            return;
        }
        String peer = r.from();
        acknowledge(peer, r.round(), r.success(), r.matchIndex());
        if (!r.success()) {
            nextIndex.put(peer, Math.max(nextIndex.get(peer) - 1, 1));
        }
        if (tracing) {
            emit(EventType.HandleAppendEntriesResponse, r, null, StateChange.builder().nextIndex(copy(nextIndex))
                    .matchIndex(copy(matchIndex)).build());
        }
        maybeAdvanceCommitIndex();
        confirmReads();
        if (!r.success() || nextIndex.get(peer) <= last()) {
            sendAppend(peer);
        }
    }

    /** Commits the largest index of the current term held by a majority (paper section 5.4.2). */
    private void maybeAdvanceCommitIndex() {
        if (role != Role.Leader) {
            return;
        }
        long[] held = new long[peers.size() + 1];
        held[0] = stableIndex;
        int i = 1;
        for (String peer : peers) {
            held[i++] = Math.min(matchIndex.get(peer), last());
        }
        Arrays.sort(held);
        long onMajority = held[held.length - quorum];
        if (onMajority <= commitIndex) {
            return;
        }
        if (term(onMajority) != currentTerm) {
            if (!bugs.commitOldTerm()) {
                return;
            }
            bugActivations++;
        }
        tracer.step();
        commitIndex = onMajority;
        if (tracing) {
            emit(EventType.AdvanceCommitIndex, null, null, StateChange.builder().commitIndex(commitIndex).build());
        }
        if (!readsAwaitingCommit.isEmpty() && term(commitIndex) == currentTerm) {
            List<Long> ctxs = List.copyOf(readsAwaitingCommit);
            readsAwaitingCommit.clear();
            startReadRound(ctxs);
        }
    }

    // ------------------------------------------------------------------ read index

    private void startReadRound(List<Long> ctxs) {
        if (peers.isEmpty()) {
            for (long ctx : ctxs) {
                readStates.add(new ReadState(ctx, commitIndex, true));
            }
            return;
        }
        round++;
        for (long ctx : ctxs) {
            pendingReads.add(new PendingRead(ctx, commitIndex, round));
        }
        for (String peer : peers) {
            sendAppend(peer);
        }
    }

    private void confirmReads() {
        while (!pendingReads.isEmpty()) {
            PendingRead r = pendingReads.peek();
            int acks = 1;
            for (long a : ackedRound.values()) {
                if (a >= r.round()) {
                    acks++;
                }
            }
            if (acks < quorum) {
                return;
            }
            pendingReads.poll();
            readStates.add(new ReadState(r.ctx(), r.index(), true));
        }
    }

    /** Leaving the leader or candidate role fails every read this server promised to confirm. */
    private void loseLeadershipOrCandidacy() {
        for (PendingRead r : pendingReads) {
            readStates.add(new ReadState(r.ctx(), 0, false));
        }
        for (long ctx : readsAwaitingCommit) {
            readStates.add(new ReadState(ctx, 0, false));
        }
        pendingReads.clear();
        readsAwaitingCommit.clear();
        inflight.clear();
    }

    // ------------------------------------------------------------------ helpers

    private void truncateFrom(long index) {
        log.subList((int) (index - snapshotIndex - 1), log.size()).clear();
        stableIndex = Math.min(stableIndex, index - 1);
        markUnstable(index);
    }

    private void markUnstable(long index) {
        unstableFrom = unstableFrom == 0 ? index : Math.min(unstableFrom, index);
        observedChangeFrom = observedChangeFrom == 0 ? index : Math.min(observedChangeFrom, index);
    }

    /**
     * For checkers watching the log: the lowest index changed since the last call (0: none), so they can
     * re-examine only the changed suffix.
     */
    public long takeLogChangeFrom() {
        long f = observedChangeFrom;
        observedChangeFrom = 0;
        return f;
    }

    private void resetElectionTimer() {
        electionElapsed = 0;
        randomizedElectionTimeout = cfg.electionTicks() + random.nextInt(cfg.electionTicks());
    }

    private long lastTerm() {
        return term(last());
    }

    private long last() {
        return snapshotIndex + log.size();
    }

    /** Entries from {@code from} (after the snapshot) to the end of the log. */
    private List<Entry> slice(long from) {
        return log.subList((int) (from - snapshotIndex - 1), log.size());
    }

    /** The term of the entry at {@code index}; 0 for index 0 (the empty prefix). */
    public long term(long index) {
        if (index == snapshotIndex) {
            return snapshotTerm;
        }
        if (index < snapshotIndex) {
            throw new IllegalArgumentException("entry " + index + " was compacted into the snapshot at " + snapshotIndex);
        }
        return index == 0 || index > last() ? 0 : log.get((int) (index - snapshotIndex - 1)).term();
    }

    private Map<String, Long> copy(Map<String, Long> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private void emit(EventType type, Message msg, Message reply, StateChange s) {
        tracer.emit(type, msg, reply, s);
    }

    // ------------------------------------------------------------------ observation

    public String id() { return id; }
    public Role role() { return role; }
    public long currentTerm() { return currentTerm; }
    public String votedFor() { return votedFor; }
    public long commitIndex() { return commitIndex; }
    public long lastIndex() { return last(); }
    /** Index of the last entry covered by the snapshot (0: none). */
    public long snapshotIndex() { return snapshotIndex; }
    public long appliedIndex() { return applied; }
    /** The leader this server last heard from in its current term, or null. */
    public String leaderId() { return leaderId; }
    /** The entries after the snapshot (all entries while none was taken). */
    public List<Entry> log() { return Collections.unmodifiableList(log); }
    public Entry entry(long index) { return log.get((int) (index - snapshotIndex - 1)); }
    public Set<String> votesGranted() { return Collections.unmodifiableSet(votesGranted); }
    public Map<String, Long> nextIndex() { return Collections.unmodifiableMap(nextIndex); }
    public Map<String, Long> matchIndex() { return Collections.unmodifiableMap(matchIndex); }
    public RaftConfig config() { return cfg; }
    /** How often an enabled {@link Bugs} switch changed this server's behaviour (0 when none is enabled). */
    public long bugActivations() { return bugActivations; }
    public Tracer tracer() { return tracer; }
}
