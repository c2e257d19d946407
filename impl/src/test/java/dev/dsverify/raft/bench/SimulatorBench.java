package dev.dsverify.raft.bench;

import dev.dsverify.raft.sim.FaultMix;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Simulator throughput: complete runs (3 servers, 1,000 client operations, invariants after every step,
 * linearizability check at the end) per minute, for three variants run side by side, seed by seed:
 * every fault kind (torn writes included); the fault-free baseline; every traceable fault kind with the
 * trace recorded and serialised.
 * Usage: see bench/impl/README.md. Arguments: [runs per variant, default 30] [warm-up runs, default 5].
 */
public final class SimulatorBench {
    private static final int OPS = 1000;

    private record Variant(String name, Set<FaultType> faults, boolean torn, boolean trace, boolean swarm) {
        Variant(String name, Set<FaultType> faults, boolean torn, boolean trace) {
            this(name, faults, torn, trace, false);
        }
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Variant[] variants = {
            new Variant("all faults + checks", EnumSet.allOf(FaultType.class), true, false),
            new Variant("baseline: no faults + checks", EnumSet.noneOf(FaultType.class), false, false),
            new Variant("traceable faults + checks + trace", EnumSet.allOf(FaultType.class), false, true),
            new Variant("swarm mix of all faults + checks", EnumSet.allOf(FaultType.class), true, false, true),
        };
        for (int i = 0; i < warmup; i++) {
            for (Variant v : variants) {
                once(v, 1_000_000 + i);
            }
        }
        long[] nanos = new long[variants.length];
        long[] steps = new long[variants.length];
        long traceEvents = 0;
        long traceBytes = 0;
        int failures = 0;
        for (int i = 1; i <= runs; i++) {
            for (int k = 0; k < variants.length; k++) {
                long t0 = System.nanoTime();
                Outcome o = once(variants[k], i);
                nanos[k] += System.nanoTime() - t0;
                steps[k] += o.result.steps();
                failures += o.result.passed() ? 0 : 1;
                if (variants[k].trace()) {
                    traceEvents += o.result.trace().size();
                    traceBytes += o.bytes;
                }
            }
        }
        System.out.printf("simulator throughput: 3 nodes x %d ops, %d runs per variant (after %d warm-up rounds)%n",
                OPS, runs, warmup);
        System.out.printf("%-32s %12s %14s %12s %10s%n", "variant", "runs/min", "ms/run", "steps/s", "vs base");
        double base = nanos[1] / (double) runs;
        for (int k = 0; k < variants.length; k++) {
            double perRun = nanos[k] / (double) runs;
            System.out.printf("%-32s %12.0f %14.1f %12.0f %9.2fx%n", variants[k].name(), 60e9 / perRun, perRun / 1e6,
                    steps[k] / (nanos[k] / 1e9), perRun / base);
        }
        System.out.printf("trace: %.0f events and %.1f MB of NDJSON per run on average%n", traceEvents / (double) runs,
                traceBytes / (double) runs / 1e6);
        System.out.println("failed runs: " + failures);
    }

    private record Outcome(SimResult result, long bytes) {}

    private static Outcome once(Variant v, long seed) throws IOException {
        SimConfig cfg = SimConfig.builder().seed(seed).nodes(3).tornWrites(v.torn()).trace(v.trace()).build();
        SimResult r = v.swarm() ? FaultMix.run(cfg, OPS, v.faults()) : Simulator.run(cfg, OPS, v.faults());
        long bytes = 0;
        if (v.trace()) {
            Counting c = new Counting();
            NdjsonTraceWriter.write(r.trace(), c);
            bytes = c.count;
        }
        return new Outcome(r, bytes);
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
