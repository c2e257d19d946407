package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log larger than the heap it is checked in: Raft replay reads the log in two passes and holds one line per file,
 * so a trace of about 14 MB (40k lines) replays in a 64 MiB heap. Reading it whole (every line's JSON tree and TLA+
 * value at once) ran out of memory there and ended as an internal error instead of a verdict.
 */
class LargeTraceTest {
    @TempDir
    Path dir;


    @Test
    void aLogLargerThanTheHeapReplaysInConstantMemory() throws Exception {
        Path trace = SimulatedRuns.trace(dir, 42, 4800, EnumSet.allOf(FaultType.class), Bugs.NONE);
        long lines;
        try (var l = Files.lines(trace)) {
            lines = l.count();
        }
        assertThat(lines).as("a long run").isGreaterThan(30_000);
        String out = ChildReplay.run(trace, "-Xmx64m", "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + dir);
        assertThat(out).as("%d lines, %d bytes", lines, Files.size(trace)).contains("MATCH " + lines + "/" + lines);
    }
}
