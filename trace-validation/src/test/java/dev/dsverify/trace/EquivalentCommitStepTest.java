package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TraceRaft.tla evaluates AdvanceCommitIndex over the indices above the commit index only. Replaying with
 * Raft.tla's action as written must give the same verdict, at the same line, on correct and buggy runs.
 */
class EquivalentCommitStepTest {
    @TempDir
    Path dir;

    private Verdict sameVerdict(Path trace) throws Exception {
        TraceResult fast = TraceValidator.validate(Specs.raft(), List.of(trace));
        TraceResult exact = TraceValidator.validate(Specs.raft(), List.of(trace), "ReplayStepExact");
        assertThat(exact.verdict()).isEqualTo(fast.verdict());
        assertThat(exact.matchedEvents()).isEqualTo(fast.matchedEvents());
        assertThat(exact.statesExplored()).isEqualTo(fast.statesExplored());
        return fast.verdict();
    }

    @Test
    void correctRunsAgree() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(sameVerdict(SimulatedRuns.trace(dir, seed, 8, SimulatorTracesTest.faultsFor(seed), Bugs.NONE)))
                    .isEqualTo(Verdict.MATCH);
        }
    }

    @Test
    void runsThatCommitTooEarlyAgree() throws Exception {
        // seed 13 commits an entry of an earlier term by counting replicas (see InjectedBugsTest)
        Path trace = SimulatedRuns.trace(dir, 13, 30, EnumSet.allOf(FaultType.class), Bugs.parse("commit-old-term"));
        assertThat(sameVerdict(trace)).isEqualTo(Verdict.DIVERGENCE);
    }
}
