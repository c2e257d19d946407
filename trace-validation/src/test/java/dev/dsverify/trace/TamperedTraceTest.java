package dev.dsverify.trace;

import dev.dsverify.trace.log.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A genuine log edited by hand is rejected at the edited line, with the reason. */
class TamperedTraceTest {
    @TempDir
    Path dir;

    private TraceResult validate(List<String> lines) throws Exception {
        Path f = dir.resolve("edited.ndjson");
        Files.write(f, lines);
        return TraceValidator.validate(Specs.raft(), f);
    }

    private static List<String> original() throws Exception {
        return new ArrayList<>(Files.readAllLines(Specs.trace("election.ndjson")));
    }

    @Test
    void changedFieldIsCaughtOnItsLine() throws Exception {
        List<String> lines = original();
        // line 5: n2 grants its vote; log that it voted for n3 instead
        lines.set(4, lines.get(4).replace("\"state\":{\"votedFor\":\"n1\"}", "\"state\":{\"votedFor\":\"n3\"}"));
        TraceResult r = validate(lines);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(5);
        assertThat(r.matchedEvents()).isEqualTo(4);
        assertThat(r.reasons()).containsExactly(
                "HandleRequestVoteRequest(\"n2\", [type |-> \"RequestVoteRequest\", from |-> \"n1\", to |-> \"n2\", term |-> 1,"
                        + " lastLogTerm |-> 0, lastLogIndex |-> 0]): votedFor[n2]: expected (spec) \"n1\", logged \"n3\"");
        assertThat(r.statesBefore()).hasSize(1);
        assertThat(r.statesBefore().get(0)).contains("/\\ votedFor = [n1 |-> \"n1\", n2 |-> Nil, n3 |-> Nil]")
                .doesNotContain("elections");
    }

    @Test
    void removedLineIsCaughtWhereItsEffectIsMissing() throws Exception {
        List<String> lines = original();
        lines.remove(4); // n2 never handles the vote request, so no response is ever sent
        TraceResult r = validate(lines);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(5);
        assertThat(r.event()).contains("HandleRequestVoteResponse");
        assertThat(r.reasons()).anyMatch(s -> s.contains("is not enabled") && s.contains("InFlight(m)"));
    }

    @Test
    void swappedLinesOfTwoNodesAreCaughtAtTheFirst() throws Exception {
        List<String> lines = original();
        Collections.swap(lines, 4, 5); // n1 consumes n2's vote before n2 has sent it
        TraceResult r = validate(lines);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(5);
        assertThat(r.event()).contains("HandleRequestVoteResponse");
        assertThat(r.reasons()).singleElement().asString()
                .startsWith("HandleRequestVoteResponse(\"n1\", ")
                .contains("is not enabled: `InFlight(m)` (Raft.tla line ");
    }

    @Test
    void clientRequestThatLogsNoEntryDiverges() throws Exception {
        List<String> lines = original();
        lines.set(7, lines.get(7).replaceFirst("\"state\":\\{.*\\}\\}$", "\"state\":{}}"));
        assertThat(lines.get(7)).endsWith("\"event\":\"ClientRequest\",\"state\":{}}");
        TraceResult r = validate(lines);
        assertThat(r.firstUnmatchedLine()).isEqualTo(8);
        assertThat(r.reasons()).singleElement().asString().isEqualTo("ClientRequest(\"n1\", \"\"): log[n1]: expected (spec) <<[term |-> 1, value |-> \"\"]>>, logged: nothing, i.e. unchanged <<>>");
    }

    @Test
    void concurrentStepsMayBeSwapped() throws Exception {
        List<String> lines = original();
        Collections.swap(lines, 2, 3); // n1's second vote request and n2's term update are concurrent
        assertThat(validate(lines).verdict()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void swappedStepsOfOneNodeBreakItsClock() throws Exception {
        List<String> lines = original();
        Collections.swap(lines, 5, 6); // n1: BecomeLeader (clock 6) before the vote it needs (clock 5)
        assertThatThrownBy(() -> validate(lines)).isInstanceOf(TraceFormatException.class)
                .hasMessageEndingWith("edited.ndjson:7: field 'clock': clock of node n1 goes backwards: 5 after 6 at line 6");
    }

    @Test
    void stepNotEnabledNamesTheFalseGuard() throws Exception {
        List<String> lines = original();
        // BecomeLeader logged before the vote that makes the majority, with the clocks rewritten to fit
        String vote = lines.get(5).replace("\"clock\":5,\"node\"", "\"clock\":6,\"node\"");
        String lead = lines.get(6).replace("\"clock\":6,", "\"clock\":5,");
        lines.set(5, lead);
        lines.set(6, vote);
        TraceResult r = validate(lines);
        assertThat(r.firstUnmatchedLine()).isEqualTo(6);
        assertThat(r.reasons()).singleElement().asString()
                .startsWith("BecomeLeader(\"n1\") is not enabled: `HasVoteQuorum(i)` (Raft.tla line ")
                .contains("IsQuorum");
    }
}
