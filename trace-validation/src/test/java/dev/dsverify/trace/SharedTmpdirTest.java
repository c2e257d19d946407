package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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


    @Test
    void replayIgnoresTheStandardModulesInJavaIoTmpdir() throws Exception {
        Path trace = SimulatedRuns.trace(dir, 3, 20, EnumSet.allOf(FaultType.class), Bugs.NONE);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        for (String m : List.of("Naturals", "Sequences", "FiniteSets", "TLC", "Bags", "Integers")) {
            // a non-empty directory: TLC can neither write its copy there nor delete it at exit
            Files.writeString(Files.createDirectory(tmp.resolve(m + ".tla")).resolve("taken"), "x");
        }
        String out = ChildReplay.run(trace, "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + tmp);
        assertThat(out).contains("MATCH");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .as("the replay's own temporary directories are gone after it")
                    .allMatch(n -> n.endsWith(".tla"));
        }
    }
}
