package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.trace.log.TraceEvent;
import dev.dsverify.trace.log.TraceReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bug switch of the implementation makes replay stop at the first line where the bug shows (found
 * independently by {@link BugOracle}), naming the step the bug corrupts.
 */
class InjectedBugsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "double-vote,        HandleRequestVoteRequest,   votedFor",
            "commit-old-term,    AdvanceCommitIndex,         `ok # {}`",
            "skip-prevlog-check, HandleAppendEntriesRequest, success |-> FALSE",
            "forget-vote,        Restart,                    votedFor",
            "commit-backwards,   HandleAppendEntriesRequest, commitIndex",
    })
    void bugIsCaughtWhereItShows(String bug, String action, String reasonMentions) throws Exception {
        Path trace = null;
        int expectedLine = -1;
        for (long seed = 1; seed <= 400 && trace == null; seed++) {
            Path f = SimulatedRuns.trace(dir, seed, 30, EnumSet.allOf(FaultType.class), Bugs.parse(bug));
            List<TraceEvent> events = TraceReader.read(f);
            OptionalInt line = BugOracle.firstLine(events, bug);
            if (line.isPresent()) {
                trace = f;
                expectedLine = line.getAsInt();
            }
        }
        assertThat(trace).as("a seed where " + bug + " shows").isNotNull();
        TraceResult r = TraceValidator.validate(Specs.raft(), trace);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).as(TraceReport.text(r)).isEqualTo(expectedLine);
        assertThat(r.event()).contains("\"event\":\"" + action + "\"");
        assertThat(r.reasons()).as(TraceReport.text(r)).isNotEmpty().anyMatch(s -> s.contains(reasonMentions));
    }
}
