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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated runs with the options that change what the spec must explain replay to MATCH against Raft.tla:
 * bounded AppendEntries batches (followers catch up over several requests).
 */
class ElectionAndBatchTracesTest {
    @TempDir
    Path dir;

    /** AppendEntries lines that carried fewer entries than the leader held past prevLogIndex. */
    static int partialAppends(List<TraceEvent> events) {
        Map<String, Long> logLen = new HashMap<>();
        int partial = 0;
        for (TraceEvent e : events) {
            if (e.kind() == EventKind.AppendEntries) {
                long prev = e.msg().fields().get("prevLogIndex").asLong();
                int n = e.msg().fields().get("entries").size();
                if (prev + n < logLen.getOrDefault(e.node(), 0L)) {
                    partial++;
                }
            }
            if (e.state().has("log")) {
                logLen.put(e.node(), e.state().get("log").get("len").asLong());
            }
        }
        return partial;
    }

    @Test
    void runsWithBatchesOfTwoEntriesMatchAndShowPartialAppends() throws Exception {
        int partial = 0;
        for (long seed = 1; seed <= 4; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).maxAppendEntries(2).build();
            Path trace = SimulatedRuns.trace(dir, cfg, 25, EnumSet.allOf(FaultType.class));
            TraceResult r = TraceValidator.validate(Specs.raft(), trace);
            assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.MATCH);
            partial += partialAppends(TraceReader.read(trace));
        }
        assertThat(partial).as("requests that left entries for a later request").isPositive();
    }
}
