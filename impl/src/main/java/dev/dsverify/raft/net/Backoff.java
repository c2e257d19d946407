package dev.dsverify.raft.net;

import java.util.Random;

/**
 * Delays between reconnection attempts: doubling from {@code minMillis} up to {@code maxMillis}, each with up
 * to 20% random jitter added so that peers restarted together do not retry in lock-step. A successful
 * connection resets it.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final Random random;
    private int failures;

    public Backoff(long minMillis, long maxMillis, Random random) {
        if (minMillis < 1 || maxMillis < minMillis) {
            throw new IllegalArgumentException("need 1 <= min <= max, got " + minMillis + ", " + maxMillis);
        }
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    public static Backoff defaults() {
        return new Backoff(20, 1000, new Random());
    }

    /** The delay before the next attempt, after one more failure. */
    public long nextDelayMillis() {
        long base = minMillis << Math.min(failures, 30);
        if (base > maxMillis || base <= 0) {
            base = maxMillis;
        }
        failures++;
        return base + (long) (random.nextDouble() * 0.2 * base);
    }

    public void reset() {
        failures = 0;
    }

    public Backoff copy() {
        return new Backoff(minMillis, maxMillis, new Random(random.nextLong()));
    }
}
