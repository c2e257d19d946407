package dev.dsverify.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.Schedule;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.sim.StorageFault;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces of runs whose servers crash inside their steps (between a write and its fsync, after persisting, after
 * sending) replay to MATCH: a step's lines reach the trace only with the state they describe. A storage that
 * answers before its fsync diverges at the Restart line, which logs the state the server actually recovered.
 */
class CrashedStepsTraceTest {
    private static final EnumSet<FaultType> ALL = EnumSet.allOf(FaultType.class);

    @TempDir
    Path dir;

    private Path write(SimResult r, String name) throws Exception {
        Path f = dir.resolve(name + ".ndjson");
        NdjsonTraceWriter.writeAtomically(r.trace(), f);
        return f;
    }

    @Test
    void runsWithCrashesInsideStepsReplayToMatch() throws Exception {
        int struck = 0;
        for (long seed = 1; seed <= 4; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3).tornWrites(true).trace(true).build(),
                    60, ALL);
            assertThat(r.passed()).as(r.summary()).isTrue();
            struck += r.tornCrashes();
            TraceResult t = TraceValidator.validate(Specs.raft(), write(r, "seed-" + seed));
            assertThat(t.verdict()).as(TraceReport.text(t)).isEqualTo(Verdict.MATCH);
        }
        assertThat(struck).as("in-step crashes that struck").isPositive();
    }

    @Test
    void answeringBeforeTheFsyncDivergesAtTheRestart() throws Exception {
        long seed = 1;
        SimConfig cfg = SimConfig.builder().seed(seed).nodes(3).trace(true).build();
        Schedule s = Schedule.generate(seed, 3, 60, ALL, true);
        SimResult bad = new Simulator(cfg, s).withStorageFault(StorageFault.ACK_BEFORE_FSYNC).run();
        // the run's own checks miss it: the lost entry was never committed
        assertThat(bad.passed()).as(bad.summary()).isTrue();
        TraceResult t = TraceValidator.validate(Specs.raft(), write(bad, "late-fsync"));
        assertThat(t.verdict()).as(TraceReport.text(t)).isEqualTo(Verdict.DIVERGENCE);
        assertThat(t.event()).as(TraceReport.text(t)).contains("\"event\":\"Restart\"");
        assertThat(String.join("\n", t.reasons())).contains("log[n1]");
        SimResult good = new Simulator(cfg, s).run();
        TraceResult g = TraceValidator.validate(Specs.raft(), write(good, "good"));
        assertThat(g.verdict()).as(TraceReport.text(g)).isEqualTo(Verdict.MATCH);
    }
}
