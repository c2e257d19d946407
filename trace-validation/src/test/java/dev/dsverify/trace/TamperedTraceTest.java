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
    void aNextIndexMapLeavingOutAPeerIsCaughtOnItsLine() throws Exception {
        // line 7: n1 becomes leader; a map without n3 would agree with any nextIndex for it
        TraceResult r = TraceValidator.validate(Specs.raft(), DoctoredTraces.doctor(Specs.trace("election.ndjson"), 7,
                l -> l.replace("\"nextIndex\":{\"n1\":1,\"n2\":1,\"n3\":1}", "\"nextIndex\":{\"n1\":1,\"n2\":1}"),
                dir.resolve("partial-map.ndjson")));
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(7);
        assertThat(String.join("\n", r.reasons())).as(TraceReport.text(r)).contains("nextIndex");
    }

    @Test
    void anEmptyMatchIndexMapIsCaughtOnItsLine() throws Exception {
        // line 11: n1 handles n2's answer; an empty map is no statement about any peer
        TraceResult r = TraceValidator.validate(Specs.raft(), DoctoredTraces.doctor(Specs.trace("election.ndjson"), 11,
                l -> l.replace("\"matchIndex\":{\"n1\":0,\"n2\":1,\"n3\":0}", "\"matchIndex\":{}"),
                dir.resolve("empty-map.ndjson")));
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(11);
        assertThat(String.join("\n", r.reasons())).as(TraceReport.text(r)).contains("matchIndex");
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

    /**
     * A Restart logs the durable state the server recovered. A server whose vote, term or last entry did not survive
     * the crash (written but never made durable) logs what it really recovered, and the line diverges there, named
     * by the field, instead of matching and failing somewhere later or never.
     */
    @Test
    void aRestartThatRecoveredLessThanTheSpecKeptIsCaughtAtTheRestart() throws Exception {
        Path trace = null;
        int restart = -1;
        for (long seed = 1; seed <= 30 && trace == null; seed++) {
            Path f = SimulatedRuns.trace(dir, seed, 200, java.util.EnumSet.of(dev.dsverify.raft.sim.FaultType.CRASH),
                    dev.dsverify.raft.core.Bugs.NONE);
            List<String> lines = Files.readAllLines(f);
            for (int k = 0; k < lines.size(); k++) {
                String l = lines.get(k);
                if (l.contains("\"event\":\"Restart\"") && l.matches(".*\"votedFor\":\"n\\d\".*")
                        && l.matches(".*\"log\":\\{\"len\":[1-9].*")) {
                    trace = f;
                    restart = k;
                    break;
                }
            }
        }
        assertThat(trace).as("a run restarting a server that had voted and held entries").isNotNull();
        List<String> lines = Files.readAllLines(trace);
        assertThat(TraceValidator.validate(Specs.raft(), trace).verdict()).isEqualTo(Verdict.MATCH);

        List<String> lostVote = new ArrayList<>(lines);
        lostVote.set(restart, lines.get(restart).replaceFirst("\"votedFor\":\"n\\d\"", "\"votedFor\":null"));
        TraceResult r = validate(lostVote);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(restart + 1);
        assertThat(r.reasons()).anyMatch(x -> x.contains("votedFor"));

        List<String> lostEntry = new ArrayList<>(lines);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"log\":\\{\"len\":(\\d+)").matcher(lines.get(restart));
        assertThat(m.find()).isTrue();
        long len = Long.parseLong(m.group(1));
        lostEntry.set(restart, lines.get(restart).replaceFirst(
                "\"log\":\\{\"len\":\\d+,\"from\":\\d+,\"entries\":\\[(\\{[^}]*\\},?)*\\]\\}",
                "\"log\":{\"len\":" + (len - 1) + ",\"from\":" + len + ",\"entries\":[]}"));
        assertThat(lostEntry.get(restart)).isNotEqualTo(lines.get(restart));
        TraceResult e = validate(lostEntry);
        assertThat(e.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(e.firstUnmatchedLine()).isEqualTo(restart + 1);
        assertThat(e.reasons()).anyMatch(x -> x.contains("log"));
    }
}
