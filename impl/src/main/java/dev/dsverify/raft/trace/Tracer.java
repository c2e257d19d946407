package dev.dsverify.raft.trace;

import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.ContractTrace;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.InstallSnapshotRequest;
import dev.dsverify.raft.core.InstallSnapshotResponse;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.PreVoteRequest;
import dev.dsverify.raft.core.PreVoteResponse;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.core.RequestVoteResponse;
import dev.dsverify.raft.core.Role;
import java.util.List;
import java.util.Map;

/**
 * One server's Lamport clock and its route to the sink. The clock lives here rather than in the server so
 * that it keeps counting across a simulated crash and restart (a real process would seed it from the last
 * trace line it wrote).
 *
 * <p>As the core's {@link ContractTrace} it turns each protocol step into its contract event: which state
 * fields a line carries is decided here, once. Maps and lists handed in are the caller's snapshots and are kept
 * as they are.
 */
public final class Tracer implements ContractTrace {
    private final String node;
    private final TraceSink sink;
    private final boolean enabled;
    private long clock;
    /** Set by {@link #preVoteEnded()}: the next line also logs {@code preCandidate: false}. */
    private boolean preVoteEnded;

    public Tracer(String node, TraceSink sink) {
        this(node, sink, 0);
    }

    /** A tracer whose clock continues from {@code initialClock}, e.g. the last clock a restarted process logged. */
    public Tracer(String node, TraceSink sink, long initialClock) {
        this.node = node;
        this.sink = sink;
        this.enabled = sink.enabled();
        this.clock = initialClock;
    }

    public String node() {
        return node;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public long clock() {
        return clock;
    }

    /** A local step: the clock moves by one. */
    @Override
    public long step() {
        return ++clock;
    }

    /** A step that reads a message: the clock jumps past the sender's. */
    @Override
    public long receive(long msgClock) {
        clock = Math.max(clock, msgClock) + 1;
        return clock;
    }

    /** Emits an event stamped with the current clock; callers test {@link #enabled()} first. */
    public void emit(EventType type, Message msg, Message reply, StateChange state) {
        if (preVoteEnded) {
            preVoteEnded = false;
            state = (state == null ? StateChange.NONE : state).withPreCandidate(false);
        }
        sink.emit(new TraceEvent(clock, node, type, msg, reply, state));
    }

    // ---- the core's steps as contract events

    @Override
    public void restart(long currentTerm, String votedFor, long logLength, List<Entry> tail, long snapshotIndex,
            long snapshotTerm, Map<String, Long> nextIndex, Map<String, Long> matchIndex) {
        // the log as its length and last entries: enough to show a lost or changed entry at its end, and the
        // values of entries whose lines a crash cut off
        LogChange log = new LogChange(logLength, logLength - tail.size() + 1, tail);
        // a recovered snapshot's entries are committed: the commit index restarts at its point
        StateChange.Builder s = StateChange.builder().currentTerm(currentTerm).votedFor(votedFor).log(log)
                .role(Role.Follower).commitIndex(snapshotIndex).votesGranted(List.of()).nextIndex(nextIndex)
                .matchIndex(matchIndex)
                .preCandidate(false).preVotesGranted(List.of());
        if (snapshotIndex > 0) {
            // without a snapshot the fields stay out (unchanged: none); a lost one shows in commitIndex
            s.snapshot(snapshotIndex, snapshotTerm);
        }
        emit(EventType.Restart, null, null, s.build());
    }

    @Override
    public void updateTerm(Message m, long currentTerm) {
        emit(EventType.UpdateTerm, m, null,
                StateChange.builder().currentTerm(currentTerm).role(Role.Follower).votedFor(null).build());
    }

    @Override
    public void timeout(long currentTerm, String votedFor, List<String> votesGranted) {
        emit(EventType.Timeout, null, null, StateChange.builder().currentTerm(currentTerm).role(Role.Candidate)
                .votedFor(votedFor).votesGranted(votesGranted).build());
    }

    @Override
    public void requestVote(RequestVoteRequest request) {
        emit(EventType.RequestVote, request, null, StateChange.NONE);
    }

    @Override
    public void handleRequestVoteRequest(RequestVoteRequest request, RequestVoteResponse response, String votedFor) {
        emit(EventType.HandleRequestVoteRequest, request, response,
                votedFor != null ? StateChange.builder().votedFor(votedFor).build() : StateChange.NONE);
    }

    @Override
    public void handleRequestVoteResponse(RequestVoteResponse response, List<String> votesGranted) {
        emit(EventType.HandleRequestVoteResponse, response, null,
                votesGranted != null ? StateChange.builder().votesGranted(votesGranted).build() : StateChange.NONE);
    }

    @Override
    public void becomeLeader(Map<String, Long> nextIndex, Map<String, Long> matchIndex) {
        emit(EventType.BecomeLeader, null, null,
                StateChange.builder().role(Role.Leader).nextIndex(nextIndex).matchIndex(matchIndex).build());
    }

    @Override
    public void clientRequest(long index, Entry entry) {
        emit(EventType.ClientRequest, null, null,
                StateChange.builder().log(new LogChange(index, index, List.of(entry))).build());
    }

    @Override
    public void appendEntries(AppendEntriesRequest request) {
        emit(EventType.AppendEntries, request, null, StateChange.NONE);
    }

    @Override
    public void handleAppendEntriesRequest(AppendEntriesRequest request, AppendEntriesResponse response, Role role,
            long logLen, long logFrom, List<Entry> logEntries, Long commitIndex) {
        StateChange.Builder s = StateChange.builder();
        if (role != null) {
            s.role(role);
        }
        if (logFrom > 0) {
            s.log(new LogChange(logLen, logFrom, logEntries));
        }
        if (commitIndex != null) {
            s.commitIndex(commitIndex);
        }
        emit(EventType.HandleAppendEntriesRequest, request, response, s.build());
    }

    @Override
    public void handleAppendEntriesResponse(AppendEntriesResponse response, Map<String, Long> nextIndex,
            Map<String, Long> matchIndex) {
        emit(EventType.HandleAppendEntriesResponse, response, null, nextIndex == null ? StateChange.NONE
                : StateChange.builder().nextIndex(nextIndex).matchIndex(matchIndex).build());
    }

    @Override
    public void checkQuorum(boolean steppedDown) {
        emit(EventType.CheckQuorum, null, null,
                steppedDown ? StateChange.builder().role(Role.Follower).build() : StateChange.NONE);
    }

    @Override
    public void advanceCommitIndex(long commitIndex) {
        emit(EventType.AdvanceCommitIndex, null, null, StateChange.builder().commitIndex(commitIndex).build());
    }

    // ---- log compaction and InstallSnapshot

    @Override
    public void compactLog(long snapshotIndex, long snapshotTerm) {
        emit(EventType.CompactLog, null, null, StateChange.builder().snapshot(snapshotIndex, snapshotTerm).build());
    }

    @Override
    public void installSnapshot(InstallSnapshotRequest request) {
        emit(EventType.InstallSnapshot, request, null, StateChange.NONE);
    }

    @Override
    public void handleInstallSnapshotRequest(InstallSnapshotRequest request, InstallSnapshotResponse response,
            Role role, boolean installed, long logLen, List<Entry> logEntries) {
        StateChange.Builder s = StateChange.builder();
        if (role != null) {
            s.role(role);
        }
        if (installed) {
            long point = request.snapshot().index();
            s.log(new LogChange(logLen, point + 1, logEntries)).snapshot(point, request.snapshot().term())
                    .commitIndex(point);
        }
        emit(EventType.HandleInstallSnapshotRequest, request, response, s.build());
    }

    @Override
    public void handleInstallSnapshotResponse(InstallSnapshotResponse response, Map<String, Long> nextIndex,
            Map<String, Long> matchIndex) {
        emit(EventType.HandleInstallSnapshotResponse, response, null, nextIndex == null ? StateChange.NONE
                : StateChange.builder().nextIndex(nextIndex).matchIndex(matchIndex).build());
    }

    // ---- pre-vote

    @Override
    public void preVote(List<String> preVotesGranted) {
        emit(EventType.PreVote, null, null,
                StateChange.builder().preCandidate(true).preVotesGranted(preVotesGranted).build());
    }

    @Override
    public void requestPreVote(PreVoteRequest request) {
        emit(EventType.RequestPreVote, request, null, StateChange.NONE);
    }

    @Override
    public void handlePreVoteRequest(PreVoteRequest request, PreVoteResponse response) {
        emit(EventType.HandlePreVoteRequest, request, response, StateChange.NONE);
    }

    @Override
    public void handlePreVoteResponse(PreVoteResponse response, List<String> preVotesGranted) {
        emit(EventType.HandlePreVoteResponse, response, null, preVotesGranted != null
                ? StateChange.builder().preVotesGranted(preVotesGranted).build() : StateChange.NONE);
    }

    @Override
    public void preVoteEnded() {
        preVoteEnded = true;
    }
}
