package dev.dsverify.conform;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.trace.TraceResult;
import dev.dsverify.trace.TraceValidator;
import dev.dsverify.trace.Verdict;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The simulator's checkers (its properties, the linearizability check and replay against Raft.tla) find each of the
 * core's deliberate bugs within a few seeds. Besides showing that the checkers see these bugs, this keeps the switches
 * honest: a change to the core that quietly turns a switch off (or makes its branch unreachable) fails here, which is
 * why the mutation profile counts this test among the checkers.
 */
class CheckersCatchEveryBugSwitchTest {
    @TempDir
    Path dir;

    /** Every switch there is, so that a new one cannot go unchecked. */
    static List<String> switches() {
        return Bugs.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("switches")
    void theSweepFindsTheBug(String bug) throws Exception {
        List<String> seen = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).nodes(3).trace(true).bugs(Bugs.parse(bug)).build();
            SimResult r = Simulator.run(cfg, OPS, EnumSet.allOf(FaultType.class));
            if (!r.passed()) {
                return; // a property or the linearizability check failed
            }
            Path trace = dir.resolve("seed-" + seed + ".ndjson");
            NdjsonTraceWriter.writeAtomically(r.trace(), trace);
            TraceResult t = TraceValidator.validate(Specs.raft(), trace);
            if (t.verdict() == Verdict.DIVERGENCE) {
                return;
            }
            assertThat(t.verdict()).as("seed %d of %s", seed, bug).isEqualTo(Verdict.MATCH);
            seen.add("seed " + seed + ": " + r.bugActivations() + " activations, passed, trace MATCH");
        }
        fail("%s is found by no checker in seeds 1..%d: %s", bug, SEEDS, String.join("; ", seen));
    }

    /** Seeds tried per switch; each switch shows within the first four today. */
    private static final int SEEDS = 12;
    /** Commands per run: enough for elections with a log behind (skip-prevlog-check, commit-old-term). */
    private static final int OPS = 200;
}
