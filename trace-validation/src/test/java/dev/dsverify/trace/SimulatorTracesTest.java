package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every trace of the correct implementation, under every kind of fault, is explained by the spec. */
class SimulatorTracesTest {
    @TempDir
    Path dir;

    /**
     * Seed s runs with one fault kind (cycling through every kind a trace can describe) or, every ninth seed,
     * with all of them at once.
     */
    static Set<FaultType> faultsFor(long seed) {
        FaultType[] kinds = EnumSet.allOf(FaultType.class).toArray(new FaultType[0]);
        java.util.Arrays.sort(kinds);
        int k = (int) (seed % (kinds.length + 1));
        return k == kinds.length ? EnumSet.allOf(FaultType.class) : EnumSet.of(kinds[k]);
    }

    @Test
    void everySeedMatches() throws Exception {
        int seeds = Specs.slow() ? 1000 : 200;
        int ops = Specs.slow() ? 40 : 12;
        Path raft = Specs.raft();
        List<TraceResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            // every fourth seed with pre-vote, every fifth compacting its logs every 3 entries and every third with
            // CheckQuorum, so that their actions are exercised too
            SimConfig cfg = SimConfig.builder().seed(seed).preVote(seed % 4 == 0).snapshotEvery(seed % 5 == 0 ? 3 : 0)
                    .checkQuorum(seed % 3 == 0).build();
            Path f = SimulatedRuns.trace(dir, cfg, ops, faultsFor(seed));
            TraceResult r = TraceValidator.validate(raft, f);
            results.add(r);
            if (!r.matches()) {
                failures.add("seed " + seed + " " + faultsFor(seed) + ":\n" + TraceReport.text(r));
            } else {
                Files.delete(f);
            }
        }
        assertThat(failures).isEmpty();
        Map<String, Long> coverage = TraceReport.mergeCoverage(results);
        // the faults really happened, and every spec action was exercised somewhere
        assertThat(coverage).allSatisfy((action, n) -> assertThat(n).as(action).isPositive());
    }

    @Test
    void fiveNodeClustersMatch() throws Exception {
        for (long seed = 1; seed <= (Specs.slow() ? 100 : 9); seed++) {
            Path f = SimulatedRuns.trace(dir, 5, seed, 12, faultsFor(seed), Bugs.NONE);
            TraceResult r = TraceValidator.validate(Specs.raft(), f);
            assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.MATCH);
        }
    }

    @Test
    void perNodeFilesOfASimulatedRunMergeAndMatch(@TempDir Path split) throws Exception {
        Path f = SimulatedRuns.trace(dir, 7, 20, EnumSet.allOf(FaultType.class), Bugs.NONE);
        List<Path> files = TraceMergerTest.splitByNode(f, split);
        assertThat(files).hasSize(3);
        TraceResult whole = TraceValidator.validate(Specs.raft(), f);
        TraceResult merged = TraceValidator.validate(Specs.raft(), files);
        assertThat(whole.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(merged.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(merged.events()).isEqualTo(whole.events());
        assertThat(merged.coverage()).isEqualTo(whole.coverage());
    }
}
