package dev.dsverify.twophase;

import java.util.EnumSet;
import java.util.Set;

/**
 * One run of the two-phase-commit example: how many RMs, the seed that fixes every random choice, the fault
 * rates, and the bugs switched on.
 *
 * @param rms           number of resource managers (r1, r2, …)
 * @param seed          the seed: one seed reproduces the whole run
 * @param dropRate      chance a message is lost
 * @param duplicateRate chance a message is delivered twice
 * @param maxDelay      largest delay of a message in ticks (random delays reorder messages)
 * @param crashRate     chance per tick that the running TM crashes (it restarts from its durable state)
 * @param abortRate     chance an RM chooses to abort instead of preparing
 * @param bugs          deliberate bugs
 */
public record TwoPhaseConfig(int rms, long seed, double dropRate, double duplicateRate, int maxDelay,
                             double crashRate, double abortRate, Set<Bug> bugs) {
    public TwoPhaseConfig {
        if (rms < 1 || rms > 26) {
            throw new IllegalArgumentException("rms must be in 1..26, not " + rms);
        }
        for (double p : new double[] {dropRate, duplicateRate, crashRate, abortRate}) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("a rate is a probability in 0..1, not " + p);
            }
        }
        if (maxDelay < 1) {
            throw new IllegalArgumentException("maxDelay must be at least 1 tick");
        }
        bugs = bugs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bugs));
    }

    /** Three RMs, every fault on at moderate rates, no bug. */
    public static TwoPhaseConfig defaults(long seed) {
        return new TwoPhaseConfig(3, seed, 0.1, 0.1, 6, 0.02, 0.05, Set.of());
    }

    public TwoPhaseConfig withBug(Bug b) {
        EnumSet<Bug> s = bugs.isEmpty() ? EnumSet.noneOf(Bug.class) : EnumSet.copyOf(bugs);
        s.add(b);
        return new TwoPhaseConfig(rms, seed, dropRate, duplicateRate, maxDelay, crashRate, abortRate, s);
    }

    public TwoPhaseConfig withRms(int n) {
        return new TwoPhaseConfig(n, seed, dropRate, duplicateRate, maxDelay, crashRate, abortRate, bugs);
    }
}
