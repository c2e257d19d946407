package dev.dsverify.conform.code;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server's trace that keeps only the names of the contract events the core reports: which steps of Raft.tla
 * the code says an input took. Kept across restarts (its Lamport clock too), like a node's log file.
 */
final class StepRecorder implements ContractTrace {
    private long clock;
    private final List<String> events = new ArrayList<>();

    /** The events reported since the last call, oldest first. */
    List<String> drain() {
        List<String> out = List.copyOf(events);
        events.clear();
        return out;
    }

    @Override public boolean enabled() { return true; }
    @Override public long clock() { return clock; }
    @Override public long step() { return ++clock; }
    @Override public long receive(long msgClock) { clock = Math.max(clock, msgClock) + 1; return clock; }

    @Override
    public void restart(long currentTerm, String votedFor, long logLength, List<Entry> lastEntries,
            long snapshotIndex, long snapshotTerm, Map<String, Long> nextIndex, Map<String, Long> matchIndex) {
        events.add("Restart");
    }

    @Override public void updateTerm(Message m, long currentTerm) { events.add("UpdateTerm"); }
    @Override public void timeout(long currentTerm, String votedFor, List<String> votesGranted) { events.add("Timeout"); }
    @Override public void requestVote(RequestVoteRequest request) { events.add("RequestVote"); }

    @Override
    public void handleRequestVoteRequest(RequestVoteRequest request, RequestVoteResponse response, String votedFor) {
        events.add("HandleRequestVoteRequest");
    }

    @Override
    public void handleRequestVoteResponse(RequestVoteResponse response, List<String> votesGranted) {
        events.add("HandleRequestVoteResponse");
    }

    @Override public void becomeLeader(Map<String, Long> nextIndex, Map<String, Long> matchIndex) { events.add("BecomeLeader"); }
    @Override public void clientRequest(long index, Entry entry) { events.add("ClientRequest"); }
    @Override public void appendEntries(AppendEntriesRequest request) { events.add("AppendEntries"); }

    @Override
    public void handleAppendEntriesRequest(AppendEntriesRequest request, AppendEntriesResponse response, Role role,
            long logLen, long logFrom, List<Entry> logEntries, Long commitIndex) {
        events.add("HandleAppendEntriesRequest");
    }

    @Override
    public void handleAppendEntriesResponse(AppendEntriesResponse response, Map<String, Long> nextIndex,
            Map<String, Long> matchIndex) {
        events.add("HandleAppendEntriesResponse");
    }

    @Override public void advanceCommitIndex(long commitIndex) { events.add("AdvanceCommitIndex"); }
    @Override public void checkQuorum(boolean steppedDown) { events.add("CheckQuorum"); }
    @Override public void compactLog(long snapshotIndex, long snapshotTerm) { events.add("CompactLog"); }
    @Override public void installSnapshot(InstallSnapshotRequest request) { events.add("InstallSnapshot"); }

    @Override
    public void handleInstallSnapshotRequest(InstallSnapshotRequest request, InstallSnapshotResponse response,
            Role role, boolean installed, long logLen, List<Entry> logEntries) {
        events.add("HandleInstallSnapshotRequest");
    }

    @Override
    public void handleInstallSnapshotResponse(InstallSnapshotResponse response, Map<String, Long> nextIndex,
            Map<String, Long> matchIndex) {
        events.add("HandleInstallSnapshotResponse");
    }

    @Override public void preVote(List<String> preVotesGranted) { events.add("PreVote"); }
    @Override public void requestPreVote(PreVoteRequest request) { events.add("RequestPreVote"); }

    @Override
    public void handlePreVoteRequest(PreVoteRequest request, PreVoteResponse response) {
        events.add("HandlePreVoteRequest");
    }

    @Override
    public void handlePreVoteResponse(PreVoteResponse response, List<String> preVotesGranted) {
        events.add("HandlePreVoteResponse");
    }

    /** Not a step of its own: the line of the step that ended the phase says so. */
    @Override public void preVoteEnded() { }
}
