package dev.dsverify.raft.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One server's protocol state and the dispatch of its inputs by role (etcd's {@code stepLeader},
 * {@code stepCandidate}, {@code stepFollower}). The spec's variables are the fields below plus the log
 * ({@link RaftLog}), votesGranted ({@link Election}) and nextIndex/matchIndex ({@link ProgressTracker});
 * the protocol's parts live in {@link Election}, {@link Replication}, {@link Commit}, {@link Snapshots} and
 * {@link ReadIndex}, and everything the driver must do collects in {@link Output}.
 */
final class Raft {
    final RaftConfig cfg;
    final String id;
    final Variations variations;
    final CoreTrace trace;

    // ---- spec variables
    long currentTerm;
    String votedFor;
    Role role = Role.Follower;
    long commitIndex;
    final RaftLog log;
    final ProgressTracker tracker;

    /** One spec step per input (see {@link RaftNode#isStepByStep()}); set before the first input. */
    boolean stepByStep;

    // ---- outside the spec
    /** The leader this server last heard from in its current term, or null. */
    String leaderId;
    private int heartbeatElapsed;
    private int checkQuorumElapsed;

    final Output out = new Output(this);
    final Election election;
    final Replication replication = new Replication(this);
    final Commit commit = new Commit(this);
    final Snapshots snapshots = new Snapshots(this);
    final ReadIndex reads = new ReadIndex(this);

    Raft(RaftConfig cfg, HardState hs, Snapshot snap, List<Entry> entries, ContractTrace traceOut) {
        this.cfg = cfg;
        this.id = cfg.id();
        this.variations = new Variations(cfg.bugs());
        List<String> peers = new ArrayList<>(cfg.servers());
        peers.remove(id);
        this.tracker = new ProgressTracker(peers, cfg.servers().size());
        this.trace = new CoreTrace(this, traceOut);
        this.election = new Election(this, cfg.seed());
        this.currentTerm = hs.term();
        this.votedFor = hs.votedFor();
        this.log = new RaftLog(snap, entries);
        if (snap != null) {
            // The snapshot's entries count as committed and applied: the driver restores the state machine from it.
            commitIndex = snap.index();
            out.appliedThrough(snap.index());
        }
        election.resetTimer();
    }

    /** The contract's Restart step of a recovered server. */
    void restartStep() {
        String recovered = variations.recoveredVote(votedFor);
        boolean forgot = recovered == null && votedFor != null;
        if (forgot) {
            votedFor = null;
            out.hardStateChanged();
        }
        trace.step();
        trace.restart();
    }

    // ---- inputs

    /** One unit of time: followers and candidates count towards an election, leaders towards a heartbeat. */
    void tick() {
        if (role == Role.Leader) {
            tickLeader();
        } else {
            election.tick();
        }
    }

    private void tickLeader() {
        if (cfg.checkQuorum() && ++checkQuorumElapsed >= cfg.electionTicks()) {
            checkQuorumElapsed = 0;
            if (!checkQuorum()) {
                return;
            }
        }
        if (++heartbeatElapsed >= cfg.heartbeatTicks()) {
            heartbeatElapsed = 0;
            replication.broadcastAppend();
        }
    }

    long propose(byte[] command) {
        if (role != Role.Leader) {
            return -1;
        }
        long index = replication.appendOwn(command);
        if (!stepByStep) {
            replication.sendToIdlePeers();
        }
        return index;
    }

    void step(Message m) {
        if (isMalformed(m)) {
            return;
        }
        // Pre-vote messages carry a term no one has entered yet: they must not move anyone's term.
        if (m instanceof PreVoteRequest q) {
            election.handlePreVote(q);
            return;
        }
        if (m instanceof PreVoteResponse q) {
            election.handlePreVoteResponse(q);
            return;
        }
        if (role == Role.Leader && m.term() == currentTerm) {
            tracker.heardFrom(m.from());
        }
        if (m.term() > currentTerm) {
            updateTerm(m);
        }
        Check.that(m.term() <= currentTerm, "a message of term %d handled in term %d", m.term(), currentTerm);
        trace.receive(m);
        switch (role) {
            case Leader -> stepLeader(m);
            case Candidate -> stepCandidate(m);
            case Follower -> stepFollower(m);
        }
    }

    /** A leader acts on answers of its term; requests go to their handlers as in every role. */
    private void stepLeader(Message m) {
        if (m instanceof AppendEntriesResponse r) {
            if (isStale(r)) {
                trace.ignoreAppendEntriesResponse(r);
            } else {
                replication.handleAppendResponse(r);
            }
        } else if (m instanceof InstallSnapshotResponse r) {
            if (isStale(r)) {
                trace.ignoreInstallSnapshotResponse(r);
            } else {
                snapshots.handleInstallResponse(r);
            }
        } else if (m instanceof RequestVoteResponse r) {
            trace.handleRequestVoteResponse(r, false); // the election is over
        } else {
            stepAnyRole(m);
        }
    }

    /** A candidate counts votes and otherwise behaves as a follower. */
    private void stepCandidate(Message m) {
        if (m instanceof RequestVoteResponse r) {
            election.countVote(r);
        } else {
            stepFollower(m);
        }
    }

    /** A follower has no use for answers: they are consumed, changing nothing. */
    private void stepFollower(Message m) {
        if (m instanceof AppendEntriesResponse r) {
            trace.ignoreAppendEntriesResponse(r); // only a leader acts on answers
        } else if (m instanceof RequestVoteResponse r) {
            trace.handleRequestVoteResponse(r, false);
        } else if (m instanceof InstallSnapshotResponse r) {
            trace.ignoreInstallSnapshotResponse(r);
        } else {
            stepAnyRole(m);
        }
    }

    /** Requests are handled the same way in every role (their handlers reject stale terms). */
    private void stepAnyRole(Message m) {
        if (m instanceof RequestVoteRequest r) {
            election.handleRequestVote(r);
        } else if (m instanceof AppendEntriesRequest r) {
            replication.handleAppendEntries(r);
        } else if (m instanceof InstallSnapshotRequest r) {
            snapshots.handleInstall(r);
        }
    }

    /** UpdateTerm on its own (step-by-step driving): adopts a newer term of a well-formed {@code m}, handles nothing. */
    boolean observeTerm(Message m) {
        if (isMalformed(m) || m instanceof PreVoteRequest || m instanceof PreVoteResponse || m.term() <= currentTerm) {
            return false;
        }
        updateTerm(m);
        return true;
    }

    // ---- which messages are ignored

    /** A message of an earlier term: its sender's term is over. Requests get a refusal, answers are dropped. */
    boolean isStale(Message m) {
        return m.term() < currentTerm;
    }

    /**
     * A message no correct server sends: not addressed to this server, an answer from no peer (it would count
     * as a vote or an acknowledgement), or a term, index or count that is negative or would overflow when the
     * protocol steps past it (a term of Long.MAX_VALUE could never be left: taking it on would stop the cluster
     * for good). Refused before anything changes, so no forged value is ever persisted.
     */
    boolean isMalformed(Message m) {
        if (!id.equals(m.to()) || !isStep(m.term()) || !isStep(m.clock())) {
            return true;
        }
        boolean answer = m instanceof RequestVoteResponse || m instanceof PreVoteResponse
                || m instanceof AppendEntriesResponse || m instanceof InstallSnapshotResponse;
        if (answer && !tracker.isPeer(m.from())) {
            return true;
        }
        if (m instanceof RequestVoteRequest q) {
            return q.lastLogTerm() < 0 || q.lastLogIndex() < 0;
        }
        if (m instanceof PreVoteRequest q) {
            return q.lastLogTerm() < 0 || q.lastLogIndex() < 0;
        }
        if (m instanceof AppendEntriesRequest q) {
            return q.prevLogIndex() < 0 || q.prevLogTerm() < 0 || q.commitIndex() < 0 || q.round() < 0
                    || !isStep(q.prevLogIndex() + q.entries().size());
        }
        if (m instanceof AppendEntriesResponse q) {
            return !isStep(q.matchIndex()) || q.round() < 0 || q.conflictIndex() < 0 || q.conflictTerm() < 0;
        }
        if (m instanceof InstallSnapshotRequest q) {
            return q.snapshot() == null || !isStep(q.snapshot().index()) || q.snapshot().term() < 0
                    || q.round() < 0;
        }
        if (m instanceof InstallSnapshotResponse q) {
            return !isStep(q.matchIndex()) || q.round() < 0;
        }
        return false;
    }

    /** A value in [0, Long.MAX_VALUE): one more than it is still a long. */
    private static boolean isStep(long v) {
        return v >= 0 && v < Long.MAX_VALUE;
    }

    // ---- role changes

    /** UpdateTerm: a newer term seen in {@code m} is adopted before {@code m} is handled. */
    private void updateTerm(Message m) {
        election.abandonPreVote();
        trace.receive(m);
        currentTerm = m.term();
        votedFor = null;
        out.hardStateChanged();
        if (role != Role.Follower) {
            leaveLeadershipOrCandidacy();
        }
        role = Role.Follower;
        leaderId = null;
        trace.updateTerm(m);
    }

    /** BecomeLeader, then the no-op of the new term and an AppendEntries to every peer. */
    void becomeLeader() {
        trace.step();
        // A candidate whose timer fired again may be collecting pre-votes: leading ends that, or a late pre-vote
        // majority would make the leader time out of its own term.
        election.abandonPreVote();
        role = Role.Leader;
        leaderId = id;
        tracker.becomeLeader(log.lastIndex());
        heartbeatElapsed = 0;
        checkQuorumElapsed = 0;
        trace.becomeLeader();
        if (stepByStep) {
            return; // the no-op and the AppendEntries are steps of their own
        }
        // A no-op of the new term lets the leader learn what is committed (paper section 8) and serve reads.
        if (variations.becomeLeaderAppendsNoop()) {
            replication.appendOwn(new byte[0]);
        }
        replication.broadcastAppend();
    }

    /** A candidate that accepted a request of its term (the leader hint and timer are the caller's). */
    void becomeFollower() {
        leaveLeadershipOrCandidacy();
        role = Role.Follower;
    }

    /**
     * CheckQuorum: a leader that heard from no majority (itself included) since the last check stops leading;
     * either way a new period starts. Whether it still leads.
     */
    boolean checkQuorum() {
        Check.that(role == Role.Leader, "a check for a quorum at a server that does not lead");
        trace.step();
        boolean quorum = tracker.quorumActiveThenReset();
        if (!quorum) {
            leaveLeadershipOrCandidacy();
            role = Role.Follower;
            leaderId = null;
            election.resetTimer();
        }
        trace.checkQuorum(!quorum);
        return quorum;
    }

    /** Leaving the leader or candidate role fails promised reads; no request is in flight any more. */
    void leaveLeadershipOrCandidacy() {
        reads.failAll();
        tracker.clearInflight();
    }

    // ---- the Ready protocol

    void advance(Ready rd) {
        out.advance(rd);
        if (role == Role.Leader && !stepByStep) {
            // The leader counts itself only for durable entries, so its own write may decide a commit.
            commit.maybeAdvance();
        }
    }

    /** The invariants the code relies on, after every input. */
    void checkInvariants(long termBefore) {
        RaftInvariants.check(this, termBefore);
    }
}
