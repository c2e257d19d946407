package dev.dsverify.raft.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that partly received frame bodies may hold, shared by all connections of a server: with the connection
 * cap it bounds the memory anyone who can reach the port can pin, whatever lengths they declare.
 */
final class FrameBudget {
    private final long limit;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    FrameBudget(long limit) {
        this.limit = limit;
    }

    /** No limit: a reader that trusts its source (a client reading its server's replies). */
    static FrameBudget unlimited() {
        return new FrameBudget(Long.MAX_VALUE);
    }

    /** Takes {@code bytes} more, or refuses the frame if that would exceed the limit. */
    void reserve(long bytes) throws BadFrameException {
        long now = held.addAndGet(bytes);
        if (now > limit) {
            held.addAndGet(-bytes);
            throw new BadFrameException("frame buffers of all connections would exceed " + limit + " bytes");
        }
        peak.accumulateAndGet(now, Math::max);
    }

    void release(long bytes) {
        long now = held.addAndGet(-bytes);
        assert now >= 0 : "released more than reserved";
    }

    long held() {
        return held.get();
    }

    long peak() {
        return peak.get();
    }
}
