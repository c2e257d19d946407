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
 * The replayer must give the verdict TLC gives on TraceRaft.tla. Plain TLC runs the same trace spec, through the
 * driver any trace spec gets, with the log loaded by the operator override: the invariant DsverifyNotAllExplained
 * is violated (exit 12) exactly when the whole log is explained, and TLC finishes without error (exit 0) when it
 * is not.
 */
class PlainTlcAgreesTest {
    @TempDir
    Path tmp;

    private int tlc(Path trace) throws Exception {
        Path dir = TraceValidator.stage(Specs.raft());
        TraceSpecValidator.Staged staged = TraceSpecValidator.stage(
                new TraceSpecValidator.Options(dir.resolve("TraceRaft.tla"), dir.resolve("TraceRaft.cfg"), null, false));
        String library = staged.libraryPath().stream().map(p -> p.toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Path meta = Files.createTempDirectory(tmp, "meta");
        Path javaTmp = Files.createTempDirectory(tmp, "jtmp");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + javaTmp, "-DTLA-Library=" + library,
                "-D" + dev.dsverify.trace.tla.LoadedLog.PROPERTY + "=" + trace.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                "tlc2.TLC", "-workers", "1", "-metadir", meta.toString(), "-config", TraceSpecValidator.CHECK_CFG, TraceSpecValidator.DRIVER));
        Process p = new ProcessBuilder(cmd).directory(staged.dir().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        // an override that did not load would leave a stand-in body, whose evaluation fails (exit 75)
        assertThat(out).as("the Java operators must replace the stand-ins")
                .doesNotContain("Attempted to", "error occurred when TLC was evaluating");
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
