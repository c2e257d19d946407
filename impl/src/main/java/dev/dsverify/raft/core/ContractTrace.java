package dev.dsverify.raft.core;

import java.util.List;
import java.util.Map;

/**
 * A server's trace as the core sees it: its Lamport clock and one method per event of the trace contract
 * (specs/raft/TRACE-CONTRACT.md), each given the post-state of what the step changed. The trace package
 * implements it ({@code dev.dsverify.raft.trace.Tracer}), so the core depends on no trace type.
 *
 * <p>The core calls the event methods only when {@link #enabled()} is true; the clock methods always, since
 * messages carry the clock whether or not anything is recorded.
 */
public interface ContractTrace {
    boolean enabled();

    long clock();

    /** A local step: the clock moves by one. */
    long step();

    /** A step that reads a message: the clock jumps past the sender's. */
    long receive(long msgClock);

    /**
     * Restart: the durable state recovered ({@code currentTerm}, {@code votedFor}, the log's length and its last
     * entries {@code tail}, which end at {@code logLength}; empty for an empty log or when every entry is in the
     * snapshot; the snapshot point and its term, 0 and 0 without a snapshot), so that a vote, term, entry or
     * snapshot lost before it was durable shows at this line; and the volatile state reset (the commit index to
     * the snapshot point).
     */
    void restart(long currentTerm, String votedFor, long logLength, List<Entry> tail, long snapshotIndex,
            long snapshotTerm, Map<String, Long> nextIndex, Map<String, Long> matchIndex);

    /** UpdateTerm: {@code m} carried a newer term, adopted before {@code m} is handled. */
    void updateTerm(Message m, long currentTerm);

    /** Timeout: a new term, a candidate that voted for itself. */
    void timeout(long currentTerm, String votedFor, List<String> votesGranted);

    void requestVote(RequestVoteRequest request);

    /** HandleRequestVoteRequest; {@code votedFor} is the new vote when granted, else null (nothing changed). */
    void handleRequestVoteRequest(RequestVoteRequest request, RequestVoteResponse response, String votedFor);

    /** HandleRequestVoteResponse; {@code votesGranted} is the new set when the vote was counted, else null. */
    void handleRequestVoteResponse(RequestVoteResponse response, List<String> votesGranted);

    void becomeLeader(Map<String, Long> nextIndex, Map<String, Long> matchIndex);

    /** ClientRequest: {@code entry} appended at {@code index} (the last index). */
    void clientRequest(long index, Entry entry);

    void appendEntries(AppendEntriesRequest request);

    /**
     * HandleAppendEntriesRequest. Each change is given only when it happened: {@code role} when a candidate
     * stepped down (else null); the log's new length {@code logLen} and its entries from {@code logFrom} on
     * when entries were added or replaced ({@code logFrom} 0: the log did not change); {@code commitIndex}
     * when it moved (else null).
     */
    void handleAppendEntriesRequest(AppendEntriesRequest request, AppendEntriesResponse response, Role role,
            long logLen, long logFrom, List<Entry> logEntries, Long commitIndex);

    /** HandleAppendEntriesResponse; the maps are null when no leader of the response's term processed it. */
    void handleAppendEntriesResponse(AppendEntriesResponse response, Map<String, Long> nextIndex,
            Map<String, Long> matchIndex);

    void advanceCommitIndex(long commitIndex);

    /**
     * CheckQuorum: a leader's periodic check that it heard from a majority; {@code steppedDown} when it had not
     * and is now a follower. Either way the peers heard from are forgotten (a new period).
     */
    void checkQuorum(boolean steppedDown);

    // ---- log compaction and InstallSnapshot

    /** CompactLog: the log up to {@code snapshotIndex}, whose entry had {@code snapshotTerm}, is now a snapshot. */
    void compactLog(long snapshotIndex, long snapshotTerm);

    /** InstallSnapshot: a leader sends its snapshot to a peer that needs entries it has compacted. */
    void installSnapshot(InstallSnapshotRequest request);

    /**
     * HandleInstallSnapshotRequest. {@code role} when a candidate stepped down (else null). When the snapshot was
     * installed ({@code installed}), the log's new length {@code logLen} and the entries it kept after the
     * snapshot point, and the snapshot point (the new commit index too) and its term.
     */
    void handleInstallSnapshotRequest(InstallSnapshotRequest request, InstallSnapshotResponse response, Role role,
            boolean installed, long logLen, List<Entry> logEntries);

    /** HandleInstallSnapshotResponse; the maps are null when no leader of the response's term processed it. */
    void handleInstallSnapshotResponse(InstallSnapshotResponse response, Map<String, Long> nextIndex,
            Map<String, Long> matchIndex);

    // ---- pre-vote (RaftConfig.preVote)

    /** PreVote: the election timer fired and a pre-vote phase starts, holding only the server's own pre-vote. */
    void preVote(List<String> preVotesGranted);

    void requestPreVote(PreVoteRequest request);

    /** HandlePreVoteRequest: the answer; nothing changes at the voter. */
    void handlePreVoteRequest(PreVoteRequest request, PreVoteResponse response);

    /** HandlePreVoteResponse; {@code preVotesGranted} is the new set when the grant was counted, else null. */
    void handlePreVoteResponse(PreVoteResponse response, List<String> preVotesGranted);

    /**
     * The step about to be reported (Timeout, UpdateTerm, BecomeLeader, HandleAppendEntriesRequest) also ended the
     * server's pre-vote phase: its line carries {@code preCandidate: false}.
     */
    void preVoteEnded();
}
