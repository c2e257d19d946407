package dev.dsverify.raft.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Runs a range of seeds with the same settings and collects the verdicts. */
public final class Sweep {
    private Sweep() {}

    public record Summary(List<SimResult> results, int passed, int failed, int unknown, long millis) {
        public List<SimResult> failures() {
            return results.stream().filter(r -> !r.passed()).toList();
        }
    }

    public static Summary run(SimConfig base, long fromSeed, long toSeed, int ops, Set<FaultType> faults,
            Consumer<SimResult> onEach) {
        return run(fromSeed, toSeed, seed -> Simulator.run(base.withSeed(seed).withTrace(false), ops, faults), onEach);
    }

    /** Swarm testing: every seed runs its own {@link FaultMix} within {@code faults}. */
    public static Summary swarm(SimConfig base, long fromSeed, long toSeed, int ops, Set<FaultType> faults,
            Consumer<SimResult> onEach) {
        return run(fromSeed, toSeed, seed -> FaultMix.run(base.withSeed(seed).withTrace(false), ops, faults), onEach);
    }

    /** Runs {@code runSeed} for every seed in the range. */
    public static Summary run(long fromSeed, long toSeed, java.util.function.LongFunction<SimResult> runSeed,
            Consumer<SimResult> onEach) {
        long start = System.nanoTime();
        List<SimResult> results = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int unknown = 0;
        for (long seed = fromSeed; seed <= toSeed; seed++) {
            SimResult r = runSeed.apply(seed);
            switch (r.verdict()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case UNKNOWN -> unknown++;
            }
            // Keep only what a summary needs: histories of passing runs are dropped to bound memory.
            results.add(r.passed() ? stripped(r) : r);
            onEach.accept(r);
        }
        return new Summary(results, passed, failed, unknown, (System.nanoTime() - start) / 1_000_000);
    }

    private static SimResult stripped(SimResult r) {
        return new SimResult(r.seed(), r.schedule(), r.verdict(), r.failure(), r.property(), r.simMicros(), r.steps(),
                r.opsCompleted(), r.messages(), r.leaders(), r.maxCommitted(), r.bugActivations(), r.tornCrashes(),
                r.linearizability(),
                List.of(), List.of(), r.liveness());
    }
}
