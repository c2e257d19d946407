package dev.dsverify.twophase;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A seeded network: every message is delayed by a random number of ticks (so messages overtake each other),
 * and may be lost or delivered twice. One seed gives one schedule.
 */
final class Network {
    record InFlight(long deliverAt, long seq, String to, Message message) {
    }

    private final PriorityQueue<InFlight> queue = new PriorityQueue<>((a, b) -> a.deliverAt != b.deliverAt
            ? Long.compare(a.deliverAt, b.deliverAt) : Long.compare(a.seq, b.seq));
    private final Random rng;
    private final TwoPhaseConfig config;
    private long seq;
    private int dropped;
    private int duplicated;

    Network(Random rng, TwoPhaseConfig config) {
        this.rng = rng;
        this.config = config;
    }

    void send(String to, Message m, long now) {
        if (rng.nextDouble() < config.dropRate()) {
            dropped++;
            return;
        }
        enqueue(to, m, now);
        if (rng.nextDouble() < config.duplicateRate()) {
            duplicated++;
            enqueue(to, m, now);
        }
    }

    private void enqueue(String to, Message m, long now) {
        long delay = 1 + rng.nextInt(Math.max(1, config.maxDelay()));
        queue.add(new InFlight(now + delay, seq++, to, m));
    }

    /** The messages due by {@code now}, in delivery order. */
    List<InFlight> due(long now) {
        List<InFlight> out = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().deliverAt() <= now) {
            out.add(queue.poll());
        }
        return out;
    }

    int dropped() {
        return dropped;
    }

    int duplicated() {
        return duplicated;
    }
}
