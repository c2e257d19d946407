package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String spec;

    @BeforeEach
    void findSpec() {
        Path d = Path.of("").toAbsolutePath();
        while (spec == null && d != null) {
            if (Files.isRegularFile(d.resolve("specs/raft/Raft.tla"))) {
                spec = d.resolve("specs/raft/Raft.tla").toString();
            }
            d = d.getParent();
        }
        assumeTrue(spec != null, "specs/raft/Raft.tla is not in this source tree");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var cl = Dsverify.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void conformingCodeExitsZeroWithCoverage() throws Exception {
        Path json = dir.resolve("ok.json");
        int code = run("conform", "--spec", spec, "--walks", "3", "--depth", "20", "--seed", "5", "--json", json.toString());
        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).startsWith("CONFORMS: the code followed 60 steps of 3 random walks")
                .contains("never enabled by the model");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("verdict").asText()).isEqualTo("conforms");
        assertThat(j.get("failureKind").isNull()).isTrue();
        assertThat(j.get("step").isNull()).isTrue();
        assertThat(j.get("counts").get("steps").asLong()).isEqualTo(60);
        assertThat(j.get("coverage").get("statesVisited").asLong()).isPositive();
        assertThat(j.get("coverage").get("statesTotal").isNull()).isTrue();
        assertThat(j.get("coverage").get("actions").get("Timeout").asLong()).isPositive();
        assertThat(j.get("coverage").get("neverEnabled").toString()).contains("Restart");
        assertThat(j.get("coverage").get("untimedSteps").asLong()).as("raft.quick has no pre-vote").isZero();
        assertThat(j.get("elapsedMillis").asLong()).isNotNegative();
        assertThat(j.get("seed").asLong()).isEqualTo(5);
    }

    @Test
    void preVoteWalksCountTheAnswersWhoseTimingTheCodeHasNot() throws Exception {
        Path json = dir.resolve("prevote.json");
        int code = run("conform", "--spec", spec, "--model", "raft.prevote.quick", "--walks", "5", "--depth", "40",
                "--seed", "2", "--json", json.toString());
        assertThat(code).as(err.toString()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("coverage").get("actions").get("HandlePreVoteRequest").asLong()).isPositive();
        assertThat(j.get("coverage").get("untimedSteps").asLong()).isPositive();
        assertThat(out.toString()).contains("spec steps not driven: they rest on a timing");
    }

    @Test
    void aBugExitsOneNamingTheStepAndFields() throws Exception {
        Path json = dir.resolve("bug.json");
        int code = run("conform", "--spec", spec, "--bug", "double-vote", "--json", json.toString());
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).startsWith("FAILURE: the code takes the step differently")
                .contains("HandleRequestVoteRequest(RequestVoteRequest").contains("differing: votedFor[")
                .contains("State 1: Initial predicate").contains("code after ")
                .contains("reproduce: dsverify conform");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("verdict").asText()).isEqualTo("failure");
        assertThat(j.get("failureKind").asText()).isEqualTo("takes-step-differently");
        assertThat(j.get("action").asText()).startsWith("HandleRequestVoteRequest(");
        assertThat(j.get("step").asInt()).isPositive();
        assertThat(j.get("fieldsDiffering").toString()).contains("messages");
        assertThat(j.get("behaviour").size()).isEqualTo(j.get("step").asInt() + 2);
        assertThat(j.get("bugs").asText()).isEqualTo("double-vote");
    }

    @Test
    void theReproduceLineFailsAgainAtTheSameStep() {
        assertThat(run("conform", "--spec", spec, "--bug", "commit-backwards", "--walks", "40")).isEqualTo(1);
        String first = out.toString();
        String line = first.lines().filter(l -> l.contains("reproduce: ")).findFirst().orElseThrow();
        String[] args = line.substring(line.indexOf("dsverify conform ") + "dsverify ".length()).split(" ");
        assertThat(run(args)).isEqualTo(1);
        assertThat(out.toString().lines().limit(3).toList()).isEqualTo(first.lines().limit(3).toList());
    }

    @Test
    void badInputExitsTwo() {
        assertThat(run("conform", "--spec", spec, "--model", "raft.nosuch")).isEqualTo(2);
        assertThat(err.toString()).startsWith("dsverify: error: unknown model 'raft.nosuch'");
        assertThat(run("conform", "--spec", spec, "--bug", "no-such-bug")).isEqualTo(2);
        assertThat(err.toString()).startsWith("dsverify: error: --bug: unknown bug 'no-such-bug'");
        assertThat(run("conform", "--spec", spec, "--exhaustive", "--walks", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--walks, --depth and --seed apply to random walks");
        assertThat(run("conform", "--spec", dir.resolve("missing.tla").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no spec at");
        assertThat(run("conform", "--spec", spec, "--walks", "0")).isEqualTo(2);
        assertThat(run("conform", "--spec", spec, "--walks", "x")).isEqualTo(2);
    }

    @Test
    void aSpecThatDoesNotParseExitsTwo() throws Exception {
        Path bad = dir.resolve("Raft.tla");
        Files.writeString(bad, "---- MODULE Raft ----\nVARIABLE x\nInit == x = \n====\n");
        assertThat(run("conform", "--spec", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("dsverify: error: ");
    }
}
