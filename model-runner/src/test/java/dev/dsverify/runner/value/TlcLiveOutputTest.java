package dev.dsverify.runner.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.value.TlcTraceFixture.PrintedState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the TLC of our dependency on PrintedValues.tla and checks that what it prints today parses to the
 * same values as the stored fixture. Catches a TLC upgrade that changes how values are printed.
 */
class TlcLiveOutputTest {

    @Test
    void tlcStillPrintsTheFixtureValues(@TempDir Path dir) throws Exception {
        for (String f : List.of("PrintedValues.tla", "PrintedValues.cfg")) {
            Files.writeString(dir.resolve(f), TlcTraceFixture.resource(f), StandardCharsets.UTF_8);
        }
        Files.createDirectories(dir.resolve("tmp"));
        Path out = dir.resolve("tlc.out");
        Process tlc = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-cp", System.getProperty("java.class.path"),
                "tlc2.TLC", "-tool", "-workers", "1", "-metadir", dir.resolve("meta").toString(),
                "-config", "PrintedValues.cfg", "PrintedValues.tla")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!tlc.waitFor(120, TimeUnit.SECONDS)) {
            tlc.destroyForcibly();
            throw new AssertionError("TLC did not finish within 120 s");
        }
        String output = read(out);
        assertThat(tlc.exitValue()).as("TLC exit code (12 = invariant violated)\n%s", output).isEqualTo(12);

        List<PrintedState> live = TlcTraceFixture.states(output);
        List<PrintedState> stored = TlcTraceFixture.states(TlcTraceFixture.resource("PrintedValues.tool.out"));
        assertThat(live).hasSameSizeAs(stored);
        for (int i = 0; i < live.size(); i++) {
            assertThat(live.get(i).vars()).as("state %d", i + 1).isEqualTo(stored.get(i).vars());
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
