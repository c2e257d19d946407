package dev.dsverify.trace;

import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.trace.log.EventKind;
import dev.dsverify.trace.log.TraceEvent;
import dev.dsverify.trace.log.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs with CheckQuorum replay to MATCH against Raft.tla, leaders that lost their quorum stepping down; and the
 * two ways a check can go wrong each diverge at its line: a leader that stays without having heard from a
 * majority, and one that steps down although it had.
 */
class CheckQuorumTracesTest {
    @TempDir
    Path dir;

    private record Found(Path trace, int stepDown, int pass) {
    }

    /** A traced run with check-quorum in which some leader stepped down and some check passed. */
    private Found runWithAStepDown() throws Exception {
        for (long seed = 1; seed <= 30; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).checkQuorum(true).build();
            Path trace = SimulatedRuns.trace(dir, cfg, 150, EnumSet.allOf(FaultType.class));
            int stepDown = -1;
            int pass = -1;
            for (TraceEvent e : TraceReader.read(trace)) {
                if (e.kind() == EventKind.CheckQuorum) {
                    if (e.state().has("role") && stepDown < 0) {
                        stepDown = e.line();
                    } else if (!e.state().has("role") && pass < 0) {
                        pass = e.line();
                    }
                }
            }
            if (stepDown > 0 && pass > 0) {
                return new Found(trace, stepDown, pass);
            }
        }
        throw new AssertionError("no run of seeds 1..30 had a leader step down for lack of a quorum");
    }

    @Test
    void leadersWithoutAQuorumStepDownAndTheRunMatches() throws Exception {
        Found f = runWithAStepDown();
        TraceResult r = TraceValidator.validate(Specs.raft(), f.trace());
        assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.MATCH);
    }

    @Test
    void aLeaderThatStaysWithoutAQuorumDiverges() throws Exception {
        Found f = runWithAStepDown();
        Path bad = DoctoredTraces.doctor(f.trace(), f.stepDown(),
                l -> l.replace("\"state\":{\"role\":\"Follower\"}", "\"state\":{}"),
                dir.resolve("stays-without-quorum.ndjson"));
        TraceResult r = TraceValidator.validate(Specs.raft(), bad);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(f.stepDown());
        assertThat(String.join("\n", r.reasons())).as(TraceReport.text(r)).contains("CheckQuorum").contains("role");
    }

    @Test
    void aLeaderThatStepsDownWithAQuorumDiverges() throws Exception {
        Found f = runWithAStepDown();
        Path bad = DoctoredTraces.doctor(f.trace(), f.pass(),
                l -> l.replace("\"state\":{}", "\"state\":{\"role\":\"Follower\"}"),
                dir.resolve("steps-down-with-quorum.ndjson"));
        TraceResult r = TraceValidator.validate(Specs.raft(), bad);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(f.pass());
        assertThat(String.join("\n", r.reasons())).as(TraceReport.text(r)).contains("CheckQuorum").contains("role");
    }
}
