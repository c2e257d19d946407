package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.trace.NdjsonTraceWriter;

import java.nio.file.Path;
import java.util.Set;

/** Runs the seeded simulator with tracing on and writes its trace, one file per run. */
final class SimulatedRuns {
    private SimulatedRuns() {
    }

    static Path trace(Path dir, long seed, int ops, Set<FaultType> faults, Bugs bugs) throws Exception {
        return trace(dir, 3, seed, ops, faults, bugs);
    }

    /** A run whose servers compact their log every {@code snapshotEvery} applied entries. */
    static Path traceWithSnapshots(Path dir, long seed, int ops, Set<FaultType> faults, int snapshotEvery)
            throws Exception {
        SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3).snapshotEvery(snapshotEvery)
                .trace(true).build(), ops, faults);
        Path f = dir.resolve("seed-" + seed + "-snapshot-every-" + snapshotEvery + ".ndjson");
        NdjsonTraceWriter.writeAtomically(r.trace(), f);
        return f;
    }

    static Path trace(Path dir, int nodes, long seed, int ops, Set<FaultType> faults, Bugs bugs) throws Exception {
        return trace(dir, SimConfig.builder().seed(seed).nodes(nodes).bugs(bugs).build(), ops, faults);
    }

    /** A traced run of {@code cfg} (tracing is switched on here), written to a file named after its options. */
    static Path trace(Path dir, SimConfig cfg, int ops, Set<FaultType> faults) throws Exception {
        SimResult r = Simulator.run(cfg.withTrace(true), ops, faults);
        Path f = dir.resolve("seed-" + cfg.seed() + "-" + cfg.nodes() + "nodes" + (cfg.bugs().any() ? "-" + cfg.bugs() : "")
                + (cfg.preVote() ? "-prevote" : "") + (cfg.checkQuorum() ? "-checkquorum" : "")
                + "-batch" + cfg.maxAppendEntries() + ".ndjson");
        NdjsonTraceWriter.writeAtomically(r.trace(), f);
        return f;
    }
}
