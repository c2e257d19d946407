package dev.dsverify.raft.core;

/** The durable non-log state of a server: its current term and whom it voted for in that term (null: nobody). */
public record HardState(long term, String votedFor) {
    public static final HardState INITIAL = new HardState(0, null);
}
