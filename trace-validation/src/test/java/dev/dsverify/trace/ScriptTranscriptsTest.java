package dev.dsverify.trace;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.script.ScriptFile;
import dev.dsverify.raft.script.ScriptRunner;
import dev.dsverify.raft.script.Transcript;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.raft.trace.TraceEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The interaction transcripts of impl (impl/src/test/resources/testdata) replayed through TLC against Raft.tla:
 * each run's trace, written as one file per server and merged by the validator, must MATCH, snapshots and
 * InstallSnapshot included.
 */
class ScriptTranscriptsTest {
    @TempDir
    Path dir;

    static Path testdata() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null) {
            Path candidate = d.resolve("impl/src/test/resources/testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            d = d.getParent();
        }
        assumeTrue(false, "impl/src/test/resources/testdata is not in this source tree");
        return null;
    }

    static List<Path> transcripts() throws IOException {
        try (Stream<Path> s = Files.list(testdata())) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTranscriptsTraceMatchesRaftTla() throws IOException {
        List<Path> files = transcripts();
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Transcript t = ScriptRunner.run(ScriptFile.read(f));
            List<TraceEvent> events = t.contractTrace();
            assertThat(events).hasSameSizeAs(t.trace());
            TraceResult r = TraceValidator.validate(Specs.raft(), perServerFiles(events, t.servers(),
                    f.getFileName().toString()));
            assertThat(r.verdict()).as(f + "\n" + TraceReport.text(r)).isEqualTo(Verdict.MATCH);
            assertThat(r.events()).isEqualTo(events.size());
        }));
    }

    /** The harness is not blind: a bug switch that changes a transcript also makes its trace diverge. */
    @Test
    void aTranscriptRunWithABugDoesNotMatch() throws Exception {
        Path f = testdata().resolve("commit-figure8.txt");
        Transcript t = ScriptRunner.run(ScriptFile.read(f), Bugs.parse("commit-old-term"));
        TraceResult r = TraceValidator.validate(Specs.raft(), perServerFiles(t.trace(), t.servers(), "bug"));
        assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.event()).contains("\"event\":\"AdvanceCommitIndex\"");
    }

    /** Figure 8 with commit-old-term: Raft.tla rejects the term-3 leader's commit of the term-1 entry x. */
    @Test
    void figure8WithTheCommitOldTermBugDivergesWhereTheLeaderCommitsByCounting() throws Exception {
        Transcript t = ScriptRunner.run(ScriptFile.read(testdata().resolve("figure8.txt")), Bugs.parse("commit-old-term"));
        TraceResult r = TraceValidator.validate(Specs.raft(), perServerFiles(t.trace(), t.servers(), "figure8-bug"));
        assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.file()).endsWith("figure8-bug.n1.ndjson");
        assertThat(r.event()).contains("\"event\":\"AdvanceCommitIndex\"").contains("\"commitIndex\":1");
    }

    /** Figure 7 with skip-prevlog-check: Raft.tla rejects n4 accepting entries after a prevLogIndex it lacks. */
    @Test
    void figure7WithoutThePrevLogCheckDivergesWhereAFollowerSkipsIt() throws Exception {
        Transcript t = ScriptRunner.run(ScriptFile.read(testdata().resolve("figure7.txt")),
                Bugs.parse("skip-prevlog-check"));
        TraceResult r = TraceValidator.validate(Specs.raft(), perServerFiles(t.trace(), t.servers(), "figure7-bug"));
        assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.file()).endsWith("figure7-bug.n4.ndjson");
        assertThat(r.event()).contains("\"event\":\"HandleAppendEntriesRequest\"");
    }

    private List<Path> perServerFiles(List<TraceEvent> events, List<String> servers, String name) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String s : servers) {
            List<TraceEvent> mine = events.stream().filter(e -> e.node().equals(s)).toList();
            if (!mine.isEmpty()) {
                Path p = dir.resolve(name + "." + s + ".ndjson");
                NdjsonTraceWriter.writeAtomically(mine, p);
                out.add(p);
            }
        }
        return out;
    }
}
