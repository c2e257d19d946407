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
 * bounded AppendEntries batches (followers catch up over several requests), pre-vote; and doctored lines of such
 * runs diverge at the line, naming the field.
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

    @Test
    void rejectionsCarryTheHintAndADoctoredHintDivergesAtItsLine() throws Exception {
        Path found = null;
        int line = -1;
        for (long seed = 1; seed <= 20 && found == null; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).maxAppendEntries(2).build();
            Path trace = SimulatedRuns.trace(dir, cfg, 100, EnumSet.allOf(FaultType.class));
            List<TraceEvent> events = TraceReader.read(trace);
            for (TraceEvent e : events) {
                if (e.kind() == EventKind.HandleAppendEntriesRequest && !e.reply().fields().get("success").asBoolean()
                        && e.reply().fields().has("conflictIndex")) {
                    found = trace;
                    line = e.line();
                    break;
                }
            }
        }
        assertThat(found).as("a run where a follower rejects a request").isNotNull();
        TraceResult ok = TraceValidator.validate(Specs.raft(), found);
        assertThat(ok.verdict()).as(TraceReport.text(ok)).isEqualTo(Verdict.MATCH);

        Path bad = DoctoredTraces.doctor(found, line,
                l -> l.replaceFirst("(\"reply\":\\{[^}]*\"conflictIndex\":)(\\d+)", "$1" + 999),
                dir.resolve("doctored-hint.ndjson"));
        TraceResult r = TraceValidator.validate(Specs.raft(), bad);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(line);
        assertThat(String.join("\n", r.reasons())).as(TraceReport.text(r)).contains("HandleAppendEntriesRequest")
                .contains("conflictIndex");
    }

    @Test
    void preVoteRunsWithFaultsMatchAndAPreVoteThatMovesTheTermDiverges() throws Exception {
        int preVotes = 0;
        Path granted = null;
        int grantLine = -1;
        long askedTerm = -1;
        for (long seed = 1; seed <= 4; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).preVote(true).build();
            Path trace = SimulatedRuns.trace(dir, cfg, 25, EnumSet.allOf(FaultType.class));
            TraceResult r = TraceValidator.validate(Specs.raft(), trace);
            assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.MATCH);
            for (TraceEvent e : TraceReader.read(trace)) {
                if (e.kind() == EventKind.PreVote) {
                    preVotes++;
                }
                if (granted == null && e.kind() == EventKind.HandlePreVoteRequest
                        && e.reply().fields().get("voteGranted").asBoolean()) {
                    granted = trace;
                    grantLine = e.line();
                    askedTerm = e.msg().term();
                }
            }
        }
        assertThat(preVotes).as("elections started by pre-votes").isPositive();
        assertThat(granted).as("a granted pre-vote").isNotNull();
        // the voter adopts the asked-for term: what a pre-vote must never do
        String moved = "\"state\":{\"currentTerm\":" + askedTerm + "}";
        Path bad = DoctoredTraces.doctor(granted, grantLine, l -> l.replace("\"state\":{}", moved),
                dir.resolve("prevote-moves-term.ndjson"));
        TraceResult r = TraceValidator.validate(Specs.raft(), bad);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(grantLine);
        assertThat(String.join("\n", r.reasons())).as(TraceReport.text(r)).contains("HandlePreVoteRequest")
                .contains("currentTerm");
    }
}
