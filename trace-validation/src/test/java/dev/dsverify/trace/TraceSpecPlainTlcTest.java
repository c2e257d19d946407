package dev.dsverify.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replayer must give the verdict plain TLC gives on the same trace spec. TLC runs the staged driver module
 * (the user's trace spec plus the cursor) with the log loaded by the same operator override: the invariant
 * DsverifyNotAllExplained is violated (exit 12) exactly when the whole log is explained, and TLC finishes without
 * error (exit 0) when it is not.
 */
class TraceSpecPlainTlcTest {
    private static final Path SPECS = Path.of("src/test/resources/lockservice");

    @TempDir
    Path tmp;

    private int tlc(Path log) throws Exception {
        TraceSpecValidator.Staged staged = TraceSpecValidator.stage(
                new TraceSpecValidator.Options(SPECS.resolve("TraceLockService.tla"), null, null, false));
        Path meta = Files.createTempDirectory(tmp, "meta");
        Path javaTmp = Files.createTempDirectory(tmp, "jtmp");
        String library = staged.libraryPath().stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + javaTmp, "-DTLA-Library=" + library,
                "-D" + dev.dsverify.trace.tla.LoadedLog.PROPERTY + "=" + log.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                "tlc2.TLC", "-workers", "1", "-metadir", meta.toString(),
                "-config", TraceSpecValidator.CHECK_CFG, TraceSpecValidator.DRIVER));
        Process p = new ProcessBuilder(cmd).directory(staged.dir().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        // an override that did not load would leave the stand-in body, whose evaluation fails (exit 75)
        assertThat(out).as(out).doesNotContain("Attempted to", "error occurred when TLC was evaluating");
        return code;
    }

    @Test
    void tlcFindsTheWholeLogExplained() throws Exception {
        Path log = SPECS.resolve("good.ndjson");
        assertThat(TraceSpecValidator.validate(SPECS.resolve("TraceLockService.tla"), List.of(log)).verdict())
                .isEqualTo(Verdict.MATCH);
        assertThat(tlc(log)).isEqualTo(12);
    }

    @Test
    void tlcFindsNoBehaviourForAnEditedLog() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(SPECS.resolve("good.ndjson")));
        lines.set(6, lines.get(6).replace("\"c1\":1,\"c2\":1", "\"c1\":1,\"c2\":2"));
        Path log = tmp.resolve("edited.ndjson");
        Files.write(log, lines);
        TraceResult r = TraceSpecValidator.validate(SPECS.resolve("TraceLockService.tla"), List.of(log));
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(7);
        assertThat(r.reasons()).singleElement().asString()
                .contains("grants': expected (spec) [c1 |-> 1, c2 |-> 1], logged (e.grants) [c1 |-> 1, c2 |-> 2]");
        assertThat(tlc(log)).isEqualTo(0);
    }
}
