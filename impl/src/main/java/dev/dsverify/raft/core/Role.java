package dev.dsverify.raft.core;

/** The three roles of a Raft server; names match the trace contract's {@code role} values. */
public enum Role {
    Follower,
    Candidate,
    Leader
}
