package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.storage.ForwardingStorage;
import dev.dsverify.raft.storage.MemoryStorage;

/**
 * The simulator's view of a server's disk: {@link MemoryStorage}, plus the ability to arm a crash that
 * strikes inside the next persist, after the write and before the fsync. The crash unwinds the server's step
 * with {@link Crashed}, so none of the batch's messages leave.
 */
final class TearingStorage extends ForwardingStorage {
    private final MemoryStorage disk;
    private boolean armed;

    /** Thrown out of a step when an armed crash strikes. */
    static final class Crashed extends RuntimeException {
        Crashed() {
            super(null, null, false, false);
        }
    }

    TearingStorage(MemoryStorage disk) {
        super(disk);
        this.disk = disk;
    }

    void arm(boolean on) {
        armed = on;
    }

    boolean armed() {
        return armed;
    }

    @Override
    public void persist(Ready rd) {
        if (!rd.mustSync()) {
            return;
        }
        if (rd.snapshot() != null) {
            // Snapshots are installed by renames of synced files: a crash sees all or nothing of them.
            if (armed) {
                armed = false;
                throw new Crashed();
            }
            disk.saveSnapshot(rd.snapshot(), rd.hardState(), rd.entries());
            return;
        }
        disk.write(rd.hardState(), rd.entriesFrom(), rd.entries());
        if (armed) {
            armed = false;
            throw new Crashed();
        }
        disk.sync();
    }
}
