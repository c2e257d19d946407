package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay does not depend on the copies of TLC's standard modules in java.io.tmpdir, which every JVM on the
 * machine rewrites and deletes: a replay that loaded the spec while another JVM did so failed to parse
 * Naturals or Sequences and reported an error instead of MATCH (the checker sweep's first run "did not pass"
 * under mutation testing). Here the shared names are occupied by directories, so TLC cannot use them at all.
 */
class SharedTmpdirTest {
    @TempDir
    Path dir;

    /** Replays the trace given as the second argument against the spec given as the first; prints the verdict. */
    public static void main(String[] args) throws Exception {
        TraceResult r = TraceValidator.validate(Path.of(args[0]), List.of(Path.of(args[1])));
        System.out.println(r.verdict() + " " + r.matchedEvents() + "/" + r.events());
    }

    @Test
    void replayIgnoresTheStandardModulesInJavaIoTmpdir() throws Exception {
        Path trace = SimulatedRuns.trace(dir, 3, 20, EnumSet.allOf(FaultType.class), Bugs.NONE);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        for (String m : List.of("Naturals", "Sequences", "FiniteSets", "TLC", "Bags", "Integers")) {
            // a non-empty directory: TLC can neither write its copy there nor delete it at exit
            Files.writeString(Files.createDirectory(tmp.resolve(m + ".tla")).resolve("taken"), "x");
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), SharedTmpdirTest.class.getName(),
                Specs.raft().toString(), trace.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("MATCH");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .as("the replay's own temporary directories are gone after it")
                    .allMatch(n -> n.endsWith(".tla"));
        }
    }
}
