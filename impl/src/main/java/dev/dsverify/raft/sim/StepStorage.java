package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.storage.ForwardingStorage;
import dev.dsverify.raft.storage.Storage;

/**
 * A simulated server's storage as its step sees it: once a Ready is persisted (durable), the step's trace lines
 * are written ({@code afterPersist}), then an armed {@link CrashPoint#AFTER_PERSIST} crash may strike, before any
 * of the Ready's messages leaves.
 */
final class StepStorage extends ForwardingStorage {
    private final Runnable afterPersist;
    private boolean armed;

    StepStorage(Storage inner, Runnable afterPersist) {
        super(inner);
        this.afterPersist = afterPersist;
    }

    void arm(boolean on) {
        armed = on;
    }

    @Override
    public void persist(Ready rd) {
        super.persist(rd);
        afterPersist.run();
        if (armed) {
            armed = false;
            throw new Crashed();
        }
    }
}
