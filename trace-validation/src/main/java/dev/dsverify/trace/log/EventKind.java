package dev.dsverify.trace.log;

import java.util.Optional;

/**
 * The events of the Raft trace contract (specs/raft/TRACE-CONTRACT.md). Each names the spec action that
 * must explain it, and says which message objects a line of that kind carries.
 */
public enum EventKind {
    Timeout(false, false),
    RequestVote(true, false),
    HandleRequestVoteRequest(true, true),
    HandleRequestVoteResponse(true, false),
    BecomeLeader(false, false),
    ClientRequest(false, false),
    AppendEntries(true, false),
    HandleAppendEntriesRequest(true, true),
    HandleAppendEntriesResponse(true, false),
    AdvanceCommitIndex(false, false),
    UpdateTerm(true, false),
    Restart(false, false),
    DropMessage(true, false),
    DuplicateMessage(true, false),
    // log compaction and InstallSnapshot
    CompactLog(false, false),
    InstallSnapshot(true, false),
    HandleInstallSnapshotRequest(true, true),
    HandleInstallSnapshotResponse(true, false),
    // pre-vote
    PreVote(false, false),
    RequestPreVote(true, false),
    HandlePreVoteRequest(true, true),
    HandlePreVoteResponse(true, false),
    // CheckQuorum
    CheckQuorum(false, false);

    private final boolean hasMsg;
    private final boolean hasReply;

    EventKind(boolean hasMsg, boolean hasReply) {
        this.hasMsg = hasMsg;
        this.hasReply = hasReply;
    }

    /** Whether a line of this kind must carry {@code msg}. */
    public boolean hasMsg() {
        return hasMsg;
    }

    /** Whether a line of this kind must carry {@code reply}. */
    public boolean hasReply() {
        return hasReply;
    }

    /** True for the steps that take a message out of the network (the receiver's clock must pass the sender's). */
    public boolean receives() {
        return switch (this) {
            case HandleRequestVoteRequest, HandleRequestVoteResponse, HandleAppendEntriesRequest,
                    HandleAppendEntriesResponse, UpdateTerm,
                    HandleInstallSnapshotRequest, HandleInstallSnapshotResponse,
                    HandlePreVoteRequest, HandlePreVoteResponse -> true;
            default -> false;
        };
    }

    /** True for the steps the network takes rather than a server. */
    public boolean isNetwork() {
        return this == DropMessage || this == DuplicateMessage;
    }

    public static Optional<EventKind> byName(String name) {
        for (EventKind k : values()) {
            if (k.name().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
