package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.trace.log.TraceEvent;
import dev.dsverify.trace.log.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * specs/raft/TraceRaft.tla is a trace spec like any user's: replayed with the generic engine (the JSON-to-TLA+
 * mapping of TraceValidation, no Raft-specific Java), it gives the verdicts of {@code dsverify replay run.ndjson},
 * at the same lines. JSON null (a vote not cast) reaches it as TraceNull.
 */
class TraceRaftIsATraceSpecTest {
    private static final Path TRACE_RAFT = Path.of("../specs/raft/TraceRaft.tla");

    @TempDir
    Path dir;

    private static TraceResult generic(Path trace) throws Exception {
        return TraceSpecValidator.validate(new TraceSpecValidator.Options(TRACE_RAFT, null, null, false), List.of(trace));
    }

    @Test
    void simulatedRunsMatchThroughTheGenericEngineAsThroughRaftReplay() throws Exception {
        int withNull = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Path trace = SimulatedRuns.trace(dir, seed, 20, EnumSet.allOf(FaultType.class), Bugs.NONE);
            withNull += Files.readString(trace).contains("\"votedFor\":null") ? 1 : 0;
            TraceResult raft = TraceValidator.validate(Specs.raft(), trace);
            TraceResult any = generic(trace);
            assertThat(raft.verdict()).as(TraceReport.text(raft)).isEqualTo(Verdict.MATCH);
            assertThat(any.verdict()).as(TraceReport.text(any)).isEqualTo(Verdict.MATCH);
            assertThat(any.matchedEvents()).isEqualTo(raft.matchedEvents());
        }
        assertThat(withNull).as("runs logging a null vote (a term change)").isPositive();
    }

    @Test
    void aBugDivergesAtTheSameLineThroughBothAndTheGenericReasonNamesTheArm() throws Exception {
        Path trace = null;
        int expected = -1;
        for (long seed = 1; seed <= 400 && trace == null; seed++) {
            Path f = SimulatedRuns.trace(dir, seed, 30, EnumSet.allOf(FaultType.class), Bugs.parse("double-vote"));
            List<TraceEvent> events = TraceReader.read(f);
            OptionalInt line = BugOracle.firstLine(events, "double-vote");
            if (line.isPresent()) {
                trace = f;
                expected = line.getAsInt();
            }
        }
        assertThat(trace).as("a seed where the double vote shows").isNotNull();
        TraceResult raft = TraceValidator.validate(Specs.raft(), trace);
        TraceResult any = generic(trace);
        assertThat(raft.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(any.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(raft.firstUnmatchedLine()).isEqualTo(expected);
        assertThat(any.firstUnmatchedLine()).as(TraceReport.text(any)).isEqualTo(expected);
        assertThat(String.join("\n", any.reasons())).as(TraceReport.text(any)).contains("HandleRequestVoteRequest");
    }
}
