package dev.dsverify.raft.cluster;

import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.storage.ForwardingStorage;
import dev.dsverify.raft.storage.Storage;

/**
 * Storage that runs {@code afterPersist} once each Ready is durable and before its messages leave: the node
 * process uses it to write the trace lines of that step, so the trace never runs ahead of the disk and every
 * message a peer can receive has its sending event on file.
 */
final class FlushingStorage extends ForwardingStorage {
    private final Runnable afterPersist;

    FlushingStorage(Storage inner, Runnable afterPersist) {
        super(inner);
        this.afterPersist = afterPersist;
    }

    @Override
    public void persist(Ready rd) {
        inner.persist(rd);
        afterPersist.run();
    }
}
