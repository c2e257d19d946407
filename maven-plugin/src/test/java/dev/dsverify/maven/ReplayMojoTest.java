package dev.dsverify.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.trace.TraceResult;
import dev.dsverify.trace.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The failure message, the summary table and the JSON of a run, from results built by hand. */
class ReplayMojoTest {
    private static final Path BASE = Path.of("/home/me/demo");

    private static ReplayMojo.Outcome divergence(String name, List<String> files) {
        ReplayPlanner.PlannedRun run = new ReplayPlanner.PlannedRun(name, files.stream().map(Path::of).toList());
        TraceResult r = TraceResult.builder().verdict(Verdict.DIVERGENCE).files(files).events(13).matchedEvents(4)
                .firstUnmatchedLine(7).file(files.get(1)).mergedIndex(5).event("{\"event\":\"BecomeLeader\"}")
                .reasons(List.of("BecomeLeader(\"n1\") is not enabled: `HasVoteQuorum(i)` is FALSE",
                        "in state 2: votedFor[n2]: expected (spec) \"n1\", logged \"n3\""))
                .statesBefore(List.of("/\\ x = 1")).elapsed(Duration.ofMillis(1500)).statesExplored(9).build();
        return new ReplayMojo.Outcome(run, r, null, r.elapsed());
    }

    private static ReplayMojo.Outcome match(String name) {
        ReplayPlanner.PlannedRun run = new ReplayPlanner.PlannedRun(name, List.of(BASE.resolve(name + ".ndjson")));
        TraceResult r = TraceResult.builder().verdict(Verdict.MATCH).files(List.of(run.files().get(0).toString()))
                .events(21).matchedEvents(21).elapsed(Duration.ofMillis(250)).statesExplored(22)
                .coverage(Map.of("Timeout", 1L)).build();
        return new ReplayMojo.Outcome(run, r, null, r.elapsed());
    }

    private static ReplayMojo.Outcome badInput(String name) {
        ReplayPlanner.PlannedRun run = new ReplayPlanner.PlannedRun(name, List.of(BASE.resolve("t/" + name + ".ndjson")));
        return new ReplayMojo.Outcome(run, null, BASE + "/t/" + name + ".ndjson:3: field 'msg.term': missing",
                Duration.ofMillis(3));
    }

    @Test
    void the_failure_names_file_line_event_and_every_reason_relative_to_the_project() {
        ReplayMojo.Outcome d = divergence("cluster", List.of(BASE + "/t/n1.ndjson", BASE + "/t/n2.ndjson"));
        String msg = ReplayMojo.failureMessage(List.of(d, badInput("bad")), 3, BASE);
        assertThat(msg).isEqualTo("""
                dsverify: 2 of 3 runs do not match the spec:
                  cluster: DIVERGENCE at t/n2.ndjson:7 (event 5 of 13 in merged order)
                      {"event":"BecomeLeader"}
                      why: BecomeLeader("n1") is not enabled: `HasVoteQuorum(i)` is FALSE
                      why: in state 2: votedFor[n2]: expected (spec) "n1", logged "n3"
                  bad: bad input: t/bad.ndjson:3: field 'msg.term': missing""");
    }

    @Test
    void paths_outside_the_project_stay_absolute() {
        assertThat(ReplayMojo.display("/elsewhere/x.ndjson:3: bad", BASE)).isEqualTo("/elsewhere/x.ndjson:3: bad");
        assertThat(ReplayMojo.display("/home/me/demo-2/x.ndjson", BASE)).isEqualTo("/home/me/demo-2/x.ndjson");
    }

    @Test
    void the_summary_has_one_row_per_run_with_verdict_events_and_time() {
        String table = ReplayTable.render(List.of(match("election"),
                divergence("cluster", List.of("n1.ndjson", "n2.ndjson")), badInput("bad")));
        assertThat(table).isEqualTo("""
                run       verdict      events    time
                -------------------------------------
                election  MATCH            21  0.25 s
                cluster   DIVERGENCE  4 of 13  1.50 s
                bad       BAD INPUT         -  0.00 s
                3 runs, 1 match, 2 not""");
    }

    @Test
    void bad_input_is_recorded_as_an_error_result() {
        ObjectNode json = ReplayMojo.json(badInput("bad"));
        assertThat(json.get("verdict").asText()).isEqualTo("error");
        assertThat(json.get("error").asText()).endsWith("t/bad.ndjson:3: field 'msg.term': missing");
        assertThat(json.get("files").get(0).asText()).isEqualTo(BASE + "/t/bad.ndjson");
        ObjectNode ok = ReplayMojo.json(match("election"));
        assertThat(ok.get("verdict").asText()).isEqualTo("match");
        assertThat(ok.get("events").asInt()).isEqualTo(21);
        assertThat(ok.get("firstUnmatchedLine").isNull()).isTrue();
    }
}
