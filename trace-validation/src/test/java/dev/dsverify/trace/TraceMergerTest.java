package dev.dsverify.trace;

import dev.dsverify.trace.log.TraceEvent;
import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.log.TraceMerger;
import dev.dsverify.trace.log.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TraceMergerTest {
    /** Splits a trace into one file per node, as a cluster would write it; the network's lines go to the destination. */
    public static List<Path> splitByNode(Path trace, Path dir) throws Exception {
        Map<String, List<String>> byNode = new TreeMap<>();
        for (TraceEvent e : TraceReader.read(trace)) {
            byNode.computeIfAbsent(e.node(), n -> new ArrayList<>()).add(e.text());
        }
        List<Path> files = new ArrayList<>();
        for (var entry : byNode.entrySet()) {
            Path f = dir.resolve(entry.getKey() + ".ndjson");
            Files.write(f, entry.getValue());
            files.add(f);
        }
        return files;
    }

    @Test
    void perNodeFilesMergeIntoACausalOrderThatMatches(@TempDir Path dir) throws Exception {
        List<Path> files = splitByNode(Specs.trace("election.ndjson"), dir);
        assertThat(files).hasSize(3);
        // reverse the order given: the merged order must not depend on it
        TraceResult r = TraceValidator.validate(Specs.raft(), List.of(files.get(2), files.get(1), files.get(0)));
        assertThat(r.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(r.events()).isEqualTo(13);
    }

    @Test
    void divergenceInMergedLogNamesFileAndLine(@TempDir Path dir) throws Exception {
        List<Path> files = splitByNode(Specs.trace("election.ndjson"), dir);
        Path n1 = dir.resolve("n1.ndjson");
        List<String> lines = new ArrayList<>(Files.readAllLines(n1));
        // n1's 9th line is its AdvanceCommitIndex: claim a commit index the spec cannot reach
        assertThat(lines.get(8)).contains("AdvanceCommitIndex");
        lines.set(8, lines.get(8).replace("\"commitIndex\":1", "\"commitIndex\":2"));
        Files.write(n1, lines);
        TraceResult r = TraceValidator.validate(Specs.raft(), files);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.file()).isEqualTo(n1.toString());
        assertThat(r.firstUnmatchedLine()).isEqualTo(9);
        assertThat(r.mergedIndex()).isEqualTo(13); // the drop at n3 (clock 4) moves up
        assertThat(r.event()).contains("AdvanceCommitIndex");
        assertThat(r.reasons()).anyMatch(s -> s.contains("commitIndex[n1]") && s.contains("expected (spec) 1")
                && s.contains("logged 2"));
    }

    @Test
    void mergeOrderBreaksClockTiesByNodeId() throws Exception {
        String a = "{\"schema\":1,\"clock\":1,\"node\":\"n2\",\"event\":\"Timeout\",\"state\":{}}\n";
        String b = "{\"schema\":1,\"clock\":1,\"node\":\"n1\",\"event\":\"Timeout\",\"state\":{}}\n";
        List<TraceEvent> merged = TraceMerger.merge(List.of(TraceReader.read("a", a.getBytes()), TraceReader.read("b", b.getBytes())));
        assertThat(merged).extracting(TraceEvent::node).containsExactly("n1", "n2");
    }

    @Test
    void clockGoingBackwardsIsRejected() throws Exception {
        String t = "{\"schema\":1,\"clock\":5,\"node\":\"n1\",\"event\":\"Timeout\",\"state\":{}}\n"
                + "{\"schema\":1,\"clock\":4,\"node\":\"n1\",\"event\":\"Timeout\",\"state\":{}}\n";
        assertThatThrownBy(() -> TraceMerger.merge(List.of(TraceReader.read("n1.ndjson", t.getBytes()))))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("n1.ndjson:2: field 'clock': clock of node n1 goes backwards: 4 after 5 at line 1");
    }

    @Test
    void receiveBeforeSendIsRejected() throws Exception {
        List<String> lines = Files.readAllLines(Specs.trace("election.ndjson"));
        // n2 handles the vote request at clock 4; pretend the request was sent at clock 4
        String bad = lines.get(4).replace("\"term\":1,\"clock\":2,", "\"term\":1,\"clock\":4,");
        assertThatThrownBy(() -> TraceMerger.merge(List.of(TraceReader.read("n2.ndjson", (bad + "\n").getBytes()))))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("n2.ndjson:1: field 'msg.clock': message received before it was sent");
    }
}
