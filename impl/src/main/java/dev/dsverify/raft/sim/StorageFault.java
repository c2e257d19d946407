package dev.dsverify.raft.sim;

/**
 * Storage paths broken on purpose, to show that the simulator catches what a real disk would punish: the
 * simulator's counterpart of {@link dev.dsverify.raft.core.Bugs} for the layer under the protocol. Tests only.
 */
public enum StorageFault {
    NONE,
    /** The WAL's fsync is left out: its records reach only the page cache, while the durable mark moves on. */
    SKIP_WAL_FSYNC,
    /**
     * A sync returns before anything is durable and is done only at the start of the next persist: the server
     * answers (votes, acknowledges entries) one step before what it answers for is on disk.
     */
    ACK_BEFORE_FSYNC
}
