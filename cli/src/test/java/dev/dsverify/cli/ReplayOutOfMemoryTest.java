package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay that runs out of memory is an internal failure, never a verdict: exit 3 with one line naming it, whether
 * the heap runs out while TLC loads the spec or while the log is replayed, and no staging directory left behind.
 */
class ReplayOutOfMemoryTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void aReplayOutOfMemoryExitsThreeWithOneLine() throws Exception {
        SimResult r = Simulator.run(SimConfig.builder().seed(5).trace(true).build(), 60, EnumSet.allOf(FaultType.class));
        Path log = tmp.resolve("run.ndjson");
        NdjsonTraceWriter.writeAtomically(r.trace(), log);
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // heaps too small for loading the spec and for replaying it
        for (String heap : new String[] {"-Xmx10m", "-Xmx16m"}) {
            Path out = tmp.resolve("out" + heap + ".txt");
            Process p = new ProcessBuilder(java.toString(), heap, "-Djava.io.tmpdir=" + javaTmp,
                    "-cp", System.getProperty("java.class.path"), Dsverify.class.getName(), "replay", log.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
            String text = Files.readString(out);
            assertThat(p.exitValue()).as(heap + ": " + text).isEqualTo(3);
            assertThat(text).as(heap).contains("internal error: OutOfMemoryError").doesNotContain("DIVERGENCE")
                    .doesNotContain("\tat ");
        }
        try (var left = Files.list(javaTmp)) {
            assertThat(left.filter(f -> f.getFileName().toString().startsWith("dsverify-"))).isEmpty();
        }
    }
}
