package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.storage.ForwardingStorage;
import dev.dsverify.raft.storage.Recovered;
import dev.dsverify.raft.storage.Storage;
import java.util.function.Consumer;

/**
 * A simulated server's storage as its step sees it: once a Ready is persisted (durable), the step's trace lines
 * are written ({@code afterPersist}), then an armed {@link CrashPoint#AFTER_PERSIST} crash may strike, before any
 * of the Ready's messages leaves. What recovery reads is shown to {@code onRecover} before the server uses it.
 */
final class StepStorage extends ForwardingStorage {
    private final Runnable afterPersist;
    private final Consumer<Recovered> onRecover;
    private boolean armed;

    StepStorage(Storage inner, Runnable afterPersist, Consumer<Recovered> onRecover) {
        super(inner);
        this.afterPersist = afterPersist;
        this.onRecover = onRecover;
    }

    @Override
    public Recovered recover() {
        Recovered r = inner.recover();
        onRecover.accept(r);
        return r;
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
