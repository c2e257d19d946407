package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String spec;

    @BeforeEach
    void findSpec() {
        String p = System.getProperty("dsverify.raftSpec");
        Path d = Path.of("").toAbsolutePath();
        while ((p == null || p.isBlank()) && d != null) {
            if (Files.isRegularFile(d.resolve("specs/raft/Raft.tla"))) {
                p = d.resolve("specs/raft/Raft.tla").toString();
            }
            d = d.getParent();
        }
        assumeTrue(p != null && !p.isBlank(), "specs/raft/Raft.tla is not in this source tree");
        spec = p;
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var cl = Dsverify.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path simulated(long seed, String name) throws Exception {
        var r = Simulator.run(SimConfig.builder().seed(seed).nodes(3)
                .trace(true).build(), 8, EnumSet.of(FaultType.DROP));
        Path f = dir.resolve(name);
        NdjsonTraceWriter.writeAtomically(r.trace(), f);
        return f;
    }

    @Test
    void matchExitsZeroAndWritesJson() throws Exception {
        Path trace = simulated(3, "run.ndjson");
        Path json = dir.resolve("out/result.json");
        assertThat(run("replay", trace.toString(), "--spec", spec, "--json", json.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("MATCH: ").contains("events", "states explored");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("verdict").asText()).isEqualTo("match");
        assertThat(j.get("events").asInt()).isEqualTo(Files.readAllLines(trace).size());
        assertThat(j.get("matchedEvents").asInt()).isEqualTo(j.get("events").asInt());
        assertThat(j.get("firstUnmatchedLine").isNull()).isTrue();
        assertThat(j.get("reasons")).isEmpty();
    }

    @Test
    void divergenceExitsOneAndNamesTheLine() throws Exception {
        Path trace = simulated(3, "run.ndjson");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        int k = 0;
        while (!lines.get(k).contains("\"event\":\"Timeout\"")) {
            k++;
        }
        lines.set(k, lines.get(k).replaceFirst("\"currentTerm\":(\\d+)", "\"currentTerm\":99"));
        Files.write(trace, lines);
        Path json = dir.resolve("result.json");
        assertThat(run("replay", trace.toString(), "--spec", spec, "--json", json.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("DIVERGENCE at " + trace + ":" + (k + 1))
                .contains("why:", "currentTerm[", "expected (spec)", "logged 99", "reachable just before this line");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("verdict").asText()).isEqualTo("divergence");
        assertThat(j.get("firstUnmatchedLine").asInt()).isEqualTo(k + 1);
        assertThat(j.get("matchedEvents").asInt()).isEqualTo(k);
        assertThat(j.get("event").asText()).isEqualTo(lines.get(k));
        assertThat(j.get("reasons").get(0).asText()).contains("logged 99");
        assertThat(j.get("file").asText()).isEqualTo(trace.toString());
    }

    @Test
    void badInputExitsTwoNamingFileLineAndField() throws Exception {
        Path trace = simulated(3, "run.ndjson");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.set(1, lines.get(1).replace("\"node\":", "\"nodes\":"));
        Files.write(trace, lines);
        assertThat(run("replay", trace.toString(), "--spec", spec)).isEqualTo(2);
        assertThat(err.toString()).contains(trace + ":2: field 'nodes': unknown field");
        assertThat(run("replay", dir.resolve("missing.ndjson").toString(), "--spec", spec)).isEqualTo(2);
        assertThat(err.toString()).contains("missing.ndjson: no such file");
    }

    @Test
    void coverageOverADirectory() throws Exception {
        Path traces = Files.createDirectories(dir.resolve("traces"));
        simulated(1, "traces/a.ndjson");
        simulated(2, "traces/b.ndjson");
        Path json = dir.resolve("coverage.json");
        assertThat(run("replay", "--coverage", traces.toString(), "--spec", spec, "--json", json.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("a.ndjson", "b.ndjson", "spec action coverage over 2 traces",
                "HandleAppendEntriesRequest", "all 2 traces MATCH");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("traces")).hasSize(2);
        assertThat(j.get("coverage").get("AppendEntries").asLong()).isPositive();
        assertThat(j.get("coverage").get("Restart").asLong()).isZero();
    }
}
