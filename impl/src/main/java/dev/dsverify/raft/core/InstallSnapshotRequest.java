package dev.dsverify.raft.core;

/** A leader replaces a lagging follower's log prefix with its snapshot. Outside the spec: never traced. */
public record InstallSnapshotRequest(String from, String to, long term, long clock, Snapshot snapshot, long round)
        implements Message {
    @Override
    public boolean inContract() {
        return false;
    }
}
