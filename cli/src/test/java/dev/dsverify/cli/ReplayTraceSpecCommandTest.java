package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsverify replay --trace-spec}: a turnstile spec of its own, no cfg, exit codes 0/1/2 and the JSON. */
class ReplayTraceSpecCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path traceSpec;

    @BeforeEach
    void writeSpecs() throws Exception {
        Files.writeString(dir.resolve("Turnstile.tla"), """
                ---- MODULE Turnstile ----
                EXTENDS Naturals, Sequences
                VARIABLES locked, coins, history
                Init == locked = TRUE /\\ coins = 0 /\\ history = <<>>
                Coin == locked' = FALSE /\\ coins' = coins + 1 /\\ history' = Append(history, coins + 1)
                Push == locked = FALSE /\\ locked' = TRUE /\\ UNCHANGED <<coins, history>>
                ====
                """);
        traceSpec = dir.resolve("TraceTurnstile.tla");
        Files.writeString(traceSpec, """
                ---- MODULE TraceTurnstile ----
                EXTENDS Turnstile, TraceValidation
                TraceInit == Init
                ReplayStep(e) == CASE e.event = "Coin" -> Coin /\\ coins' = e.coins
                                   [] e.event = "Push" -> Push
                ====
                """);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var cl = Dsverify.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path log(String name, List<String> lines) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    private static List<String> coins(int n) {
        List<String> l = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            l.add("{\"event\":\"Coin\",\"coins\":" + k + "}");
        }
        return l;
    }

    @Test
    void matchExitsZeroAndWritesJson() throws Exception {
        List<String> l = coins(2);
        l.add("{\"event\":\"Push\"}");
        Path json = dir.resolve("r.json");
        assertThat(run("replay", "--trace-spec", traceSpec.toString(), log("ok.ndjson", l).toString(),
                "--json", json.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("MATCH: 3 events");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("verdict").asText()).isEqualTo("match");
        assertThat(j.get("firstUnmatchedLine").isNull()).isTrue();
        assertThat(j.get("coverage").get("Coin").asInt()).isEqualTo(2);
    }

    @Test
    void divergenceExitsOneNamingLineGuardAndFoldingLongValues() throws Exception {
        List<String> l = coins(120);
        l.add("{\"event\":\"Push\"}");
        l.add("{\"event\":\"Push\"}");
        Path trace = log("twice.ndjson", l);
        Path json = dir.resolve("d.json");
        assertThat(run("replay", "--trace-spec", traceSpec.toString(), trace.toString(), "--json", json.toString()))
                .as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("DIVERGENCE at " + trace + ":122",
                "arm `e.event = \"Push\"`", "Push is not enabled: `locked = FALSE` (Turnstile.tla line 6) is FALSE",
                "characters; --full-state shows all");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("verdict").asText()).isEqualTo("divergence");
        assertThat(j.get("firstUnmatchedLine").asInt()).isEqualTo(122);
        assertThat(j.get("file").asText()).isEqualTo(trace.toString());
        assertThat(j.get("reasons").get(0).asText()).contains("`locked = FALSE`");
        assertThat(j.get("statesBefore").get(0).asText()).contains("history = <<1, 2, 3,", "118, 119, 120>>")
                .doesNotContain(" 60, 61, ");

        assertThat(run("replay", "--trace-spec", traceSpec.toString(), trace.toString(), "--full-state")).isEqualTo(1);
        assertThat(out.toString()).contains(" 60, 61, ").doesNotContain("--full-state shows all");
    }

    @Test
    void aWrongLoggedValueNamesExpectedAndLogged() throws Exception {
        List<String> l = coins(3);
        l.set(2, "{\"event\":\"Coin\",\"coins\":4}");
        assertThat(run("replay", "--trace-spec", traceSpec.toString(), log("skip.ndjson", l).toString())).isEqualTo(1);
        assertThat(out.toString()).contains("skip.ndjson:3", "coins': expected (spec) 3, logged (e.coins) 4");
    }

    @Test
    void badInputExitsTwoNamingFileLineAndField() throws Exception {
        List<String> l = coins(3);
        l.set(1, "{\"event\":\"Coin\",\"coins\":2.5}");
        Path bad = log("bad.ndjson", l);
        assertThat(run("replay", "--trace-spec", traceSpec.toString(), bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(bad + ":2: field 'coins': fractional number 2.5 has no TLA+ value");

        assertThat(run("replay", "--trace-spec", dir.resolve("Missing.tla").toString(), bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing.tla: no such trace spec");

        Files.writeString(traceSpec, Files.readString(traceSpec).replace("TraceInit == Init", ""));
        assertThat(run("replay", "--trace-spec", traceSpec.toString(), log("ok.ndjson", coins(1)).toString())).isEqualTo(2);
        assertThat(err.toString()).contains(traceSpec + ": not a trace spec: it lacks a definition TraceInit");
    }

    /** The Raft validation is a trace spec like the user's: the same command replays a Raft log with it. */
    @Test
    void theBundledRaftTraceSpecReplaysARaftLog() throws Exception {
        Path trace = Path.of("../trace-validation/src/test/resources/traces/election.ndjson");
        Path traceRaft = Path.of("../specs/raft/TraceRaft.tla");
        assertThat(run("replay", "--trace-spec", traceRaft.toString(), trace.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("MATCH");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.set(11, lines.get(11).replace("\"commitIndex\":1", "\"commitIndex\":2"));
        Path edited = log("edited.ndjson", lines);
        assertThat(run("replay", "--trace-spec", traceRaft.toString(), edited.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("DIVERGENCE").contains("edited.ndjson:12");
        assertThat(run("replay", edited.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("DIVERGENCE").contains("edited.ndjson:12");
    }
}
