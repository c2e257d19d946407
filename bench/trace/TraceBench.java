import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.trace.TraceResult;
import dev.dsverify.trace.TraceValidator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Trace-validation benchmark: one long simulated run (all fault kinds), replayed in prefixes of 1k, 10k and
 * 100k events, so the sizes differ only in length. Each size is replayed several times after a warm-up run in
 * the same JVM; the median wall time is reported together with the growth ratio to the previous size (10 means
 * linear growth).
 *
 * Usage: java -cp CLASSPATH bench/trace/TraceBench.java RAFT.tla OUTDIR [sizes...]
 */
public class TraceBench {
    public static void main(String[] args) throws Exception {
        Path spec = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int[] sizes = args.length > 2
                ? java.util.Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 10_000, 100_000};
        int max = java.util.Arrays.stream(sizes).max().getAsInt();
        long seed = 42;
        Path full = out.resolve("run-seed" + seed + ".ndjson");
        if (!Files.exists(full) || Files.readAllLines(full).size() < max) {
            int ops = Math.max(100, max / 10);
            while (true) {
                long t0 = System.nanoTime();
                SimResult r = Simulator.run(SimConfig.of(seed, 3).withTrace(true).withBugs(Bugs.NONE), ops,
                        EnumSet.allOf(FaultType.class));
                System.out.printf("simulated %d ops: %d events, %s (%.1f s)%n", ops, r.trace().size(), r.verdict(),
                        (System.nanoTime() - t0) / 1e9);
                if (r.trace().size() >= max) {
                    NdjsonTraceWriter.writeAtomically(r.trace(), full);
                    break;
                }
                ops = (int) (ops * 1.3 * max / r.trace().size()) + 1;
            }
        }
        List<String> lines = Files.readAllLines(full);
        Path warm = out.resolve("warmup.ndjson");
        Files.write(warm, lines.subList(0, Math.min(2_000, lines.size())));
        TraceValidator.validate(spec, warm);
        double previous = 0;
        System.out.printf("%10s %8s %12s %12s %10s %8s%n", "events", "verdict", "median s", "events/s", "states", "growth");
        for (int n : sizes) {
            Path f = out.resolve("prefix-" + n + ".ndjson");
            Files.write(f, lines.subList(0, n));
            int reps = n >= 100_000 ? 1 : n >= 10_000 ? 3 : 5;
            double[] secs = new double[reps];
            TraceResult r = null;
            for (int k = 0; k < reps; k++) {
                long t0 = System.nanoTime();
                r = TraceValidator.validate(spec, f);
                secs[k] = (System.nanoTime() - t0) / 1e9;
            }
            java.util.Arrays.sort(secs);
            double median = secs[reps / 2];
            System.out.printf("%10d %8s %12.2f %12.0f %10d %8s%n", n, r.verdict(), median, n / median,
                    r.statesExplored(), previous == 0 ? "-" : String.format("%.1fx", median / previous));
            previous = median;
        }
    }
}
