package dev.dsverify.raft.trace;

/** The trace contract's event names; each is one action of the Raft spec. */
public enum EventType {
    Timeout,
    RequestVote,
    HandleRequestVoteRequest,
    HandleRequestVoteResponse,
    BecomeLeader,
    ClientRequest,
    AppendEntries,
    HandleAppendEntriesRequest,
    HandleAppendEntriesResponse,
    AdvanceCommitIndex,
    UpdateTerm,
    Restart,
    DropMessage,
    DuplicateMessage,
    // log compaction and InstallSnapshot
    CompactLog,
    InstallSnapshot,
    HandleInstallSnapshotRequest,
    HandleInstallSnapshotResponse,
    // pre-vote (RaftConfig.preVote)
    PreVote,
    RequestPreVote,
    HandlePreVoteRequest,
    HandlePreVoteResponse,
    // CheckQuorum (RaftConfig.checkQuorum)
    CheckQuorum
}
