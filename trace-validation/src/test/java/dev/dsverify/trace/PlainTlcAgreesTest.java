package dev.dsverify.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replayer must give the verdict TLC gives on TraceRaft.tla. Plain TLC runs the same spec with the trace
 * loaded by the operator override: the invariant NotAllExplained is violated (exit 12) exactly when the whole
 * log is explained, and TLC finishes without error (exit 0) when it is not.
 */
class PlainTlcAgreesTest {
    @TempDir
    Path tmp;

    private int tlc(Path trace) throws Exception {
        Path dir = TraceValidator.stage(Specs.raft());
        Path meta = Files.createTempDirectory(tmp, "meta");
        Path javaTmp = Files.createTempDirectory(tmp, "jtmp");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + javaTmp,
                "-D" + dev.dsverify.trace.tla.LoadedTrace.PROPERTY + "=" + trace.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                "tlc2.TLC", "-workers", "1", "-metadir", meta.toString(), "-config", "TraceRaft.cfg", "TraceRaft"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertThat(out).as("the Java operators must replace the stand-ins")
                .contains("Loading TraceLog operator override", "Loading TraceServers operator override",
                        "Loading Same operator override");
        return code;
    }

    @Test
    void tlcFindsTheWholeLogExplained() throws Exception {
        Path trace = Specs.trace("election.ndjson");
        assertThat(TraceValidator.validate(Specs.raft(), trace).verdict()).isEqualTo(Verdict.MATCH);
        assertThat(tlc(trace)).isEqualTo(12);
    }

    @Test
    void tlcFindsNoBehaviourForAnEditedLog() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Specs.trace("election.ndjson")));
        lines.set(11, lines.get(11).replace("\"commitIndex\":1", "\"commitIndex\":2"));
        Path trace = tmp.resolve("edited.ndjson");
        Files.write(trace, lines);
        assertThat(TraceValidator.validate(Specs.raft(), trace).verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(tlc(trace)).isEqualTo(0);
    }
}
