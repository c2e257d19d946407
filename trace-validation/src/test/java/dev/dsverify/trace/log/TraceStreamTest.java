package dev.dsverify.trace.log;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.trace.TraceMergerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two-pass reading of logs too large to hold gives exactly the events, order and errors of reading them whole
 * ({@link TraceMerger}): per-node files merged side by side, files out of clock order sorted, one file as written.
 */
class TraceStreamTest {
    @TempDir
    Path dir;

    private Path run(long seed, Set<FaultType> faults) throws Exception {
        SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3).trace(true).bugs(Bugs.NONE).build(), 40, faults);
        Path f = dir.resolve("run-" + seed + ".ndjson");
        NdjsonTraceWriter.writeAtomically(r.trace(), f);
        return f;
    }

    private static List<String> streamed(List<Path> files) throws Exception {
        TraceStream.Scan scan = TraceStream.scanStreamed(files);
        List<String> out = new ArrayList<>();
        try (TraceStream s = TraceStream.open(scan)) {
            for (TraceEvent e = s.next(); e != null; e = s.next()) {
                out.add(e.where());
            }
        }
        assertThat(out).hasSize(scan.events());
        return out;
    }

    private static List<String> whole(List<Path> files) throws Exception {
        List<List<TraceEvent>> all = new ArrayList<>();
        for (Path f : files) {
            all.add(TraceReader.read(f));
        }
        return TraceMerger.merge(all).stream().map(TraceEvent::where).toList();
    }

    @Test
    void perNodeFilesInClockOrderMergeSideBySideAsTheWholeMergeDoes() throws Exception {
        // without network faults every file holds one node's steps, in clock order
        for (long seed = 1; seed <= 5; seed++) {
            Path trace = run(seed, EnumSet.of(FaultType.DELAY, FaultType.CRASH, FaultType.PARTITION));
            Path split = Files.createDirectories(dir.resolve("split-" + seed));
            List<Path> files = TraceMergerTest.splitByNode(trace, split);
            assertThat(TraceStream.scanStreamed(files).ordered()).isTrue();
            assertThat(streamed(files)).isEqualTo(whole(files));
            assertThat(TraceStream.scanStreamed(files).servers()).isEqualTo(Servers.of(TraceReader.read(trace)));
        }
    }

    @Test
    void filesOutOfClockOrderAreSortedAsBefore() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Path trace = run(seed, EnumSet.allOf(FaultType.class));
            List<Path> files = TraceMergerTest.splitByNode(trace, Files.createDirectories(dir.resolve("all-" + seed)));
            assertThat(streamed(files)).isEqualTo(whole(files));
            assertThat(streamed(List.of(trace))).isEqualTo(whole(List.of(trace)));
            // two nodes' steps in one file, one node after the other: each node's clocks grow, the file's do not
            Path both = dir.resolve("both-" + seed + ".ndjson");
            List<String> lines = new ArrayList<>(Files.readAllLines(files.get(0)));
            lines.addAll(Files.readAllLines(files.get(1)));
            Files.write(both, lines);
            List<Path> unordered = List.of(both, files.get(2));
            assertThat(TraceStream.scanStreamed(unordered).ordered()).isFalse();
            assertThat(streamed(unordered)).isEqualTo(whole(unordered));
        }
    }

    @Test
    void twoFilesHoldingOneNodesStepsAreRefusedAsBefore() throws Exception {
        Path trace = run(3, EnumSet.of(FaultType.DELAY));
        List<Path> files = TraceMergerTest.splitByNode(trace, Files.createDirectories(dir.resolve("dup")));
        Path copy = dir.resolve("copy-of-" + files.get(0).getFileName());
        Files.copy(files.get(0), copy);
        List<Path> withCopy = new ArrayList<>(files);
        withCopy.add(copy);
        String expected = null;
        try {
            whole(withCopy);
        } catch (TraceFormatException e) {
            expected = e.getMessage();
        }
        assertThat(expected).contains("has two steps with clock");
        assertThatThrownBy(() -> streamed(withCopy)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("has two steps with clock");
    }

    @Test
    void badInputIsFoundByTheFirstPassBeforeAnythingIsReplayed() throws Exception {
        Path trace = run(2, EnumSet.of(FaultType.DELAY));
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        int last = lines.size();
        lines.set(last - 1, lines.get(last - 1).replace("\"schema\":1", "\"schema\":7"));
        Files.write(trace, lines);
        assertThatThrownBy(() -> TraceStream.scanStreamed(List.of(trace))).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(trace + ":" + last + ": field 'schema'");
    }
}
