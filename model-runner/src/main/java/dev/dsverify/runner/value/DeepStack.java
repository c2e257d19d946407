package dev.dsverify.runner.value;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs recursive work over a deeply nested value on a short-lived thread with a large stack, so that it
 * cannot overflow the caller's stack whatever its size. Shallow work runs directly.
 */
final class DeepStack {
    /** Nesting that is handled safely even on a 256 KiB thread stack (measured: about 100 levels fit). */
    static final int SHALLOW_DEPTH = 64;

    /** Reserved, not committed, memory: the deepest kind needs roughly 2 KiB per level. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    private DeepStack() {
    }

    static <T> T run(int depth, Supplier<T> work) {
        if (depth <= SHALLOW_DEPTH) {
            return work.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "tla-value-deep", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while processing a deeply nested TLA+ value", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error err) {
            throw err;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
        return result.get();
    }
}
