package dev.dsverify.raft.core;

/**
 * A message between Raft servers. {@code clock} is the sender's Lamport clock when it sent the message;
 * the protocol ignores it, the trace uses it to order events of different servers.
 */
public sealed interface Message
        permits RequestVoteRequest, RequestVoteResponse, AppendEntriesRequest, AppendEntriesResponse,
        PreVoteRequest, PreVoteResponse, InstallSnapshotRequest, InstallSnapshotResponse {
    String from();

    String to();

    long term();

    long clock();

    /** Whether the trace contract (and the spec) knows this message type: every type the core sends does. */
    default boolean inContract() {
        return true;
    }

    /** The contract's {@code type} name. */
    default String type() {
        return getClass().getSimpleName();
    }
}
