package dev.dsverify.raft.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.ContractReplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every transcript in src/test/resources/testdata: each command's output must equal the golden text, and
 * the run's merged trace must be explained step by step by the contract (the Java reading of Raft.tla; the
 * trace-validation module replays the same transcripts through TLC on Raft.tla itself).
 * With -Ddsverify.rewrite=true the goldens are rewritten instead of compared.
 */
class ScriptTest {
    static final Path TESTDATA = Path.of("src/test/resources/testdata");

    static List<Path> transcripts() throws IOException {
        try (Stream<Path> s = Files.list(TESTDATA)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTranscriptMatchesItsGoldenAndTheContract() throws IOException {
        List<Path> files = transcripts();
        assertThat(files).as("transcripts in " + TESTDATA.toAbsolutePath()).isNotEmpty();
        boolean rewrite = Boolean.getBoolean(GoldenDiff.REWRITE);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String diff = GoldenDiff.verify(f, rewrite);
            if (diff != null) {
                fail(diff);
            }
            Transcript t = ScriptRunner.run(ScriptFile.read(f));
            assertThat(t.trace()).as("trace of " + f).isNotEmpty();
            assertThat(t.contractTrace()).as("trace of " + f + ", snapshots included").isEqualTo(t.trace());
            assertThat(ContractReplay.check(t.servers(), t.contractTrace())).as("contract replay of " + f).isNull();
        }));
    }

    @Test
    void aWrongGoldenIsReportedWithItsFileLineAndADiff() throws IOException {
        Path f = TESTDATA.resolve("election.txt");
        String golden = Files.readString(f, StandardCharsets.UTF_8);
        String wrong = golden.replace("n1 timed out after 17 ticks", "n1 timed out after 16 ticks");
        assertThat(wrong).isNotEqualTo(golden);
        ScriptFile tampered = ScriptFile.parse("election-tampered.txt", wrong);
        String diff = GoldenDiff.compare(ScriptRunner.run(tampered));
        int line = wrong.lines().toList().indexOf("n1 timed out after 16 ticks") + 1;
        assertThat(diff).isNotNull()
                .contains("election-tampered.txt:" + (line - 2) + ": output of 'campaign n1' differs from the golden")
                .contains("@@ first difference at golden line " + line + " @@")
                .contains("-n1 timed out after 16 ticks", "+n1 timed out after 17 ticks")
                .contains("-Ddsverify.rewrite=true");
        // The untouched golden compares clean, so the difference above is the tampering and nothing else.
        assertThat(GoldenDiff.compare(ScriptRunner.run(ScriptFile.parse("election.txt", golden)))).isNull();
    }

    @Test
    void rewritingStoresTheActualOutputAndComparingThenPasses(@TempDir Path dir) throws IOException {
        String golden = Files.readString(TESTDATA.resolve("replication.txt"), StandardCharsets.UTF_8);
        Path f = dir.resolve("replication.txt");
        Files.writeString(f, golden.replace("n1 appended at index 2", "stale output"), StandardCharsets.UTF_8);
        assertThat(GoldenDiff.verify(f, false)).contains("-stale output", "+n1 appended at index 2");
        assertThat(GoldenDiff.verify(f, true)).isNull();
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(GoldenDiff.verify(f, false)).isNull();
    }

    @Test
    void aBugSwitchChangesTheFigure8TranscriptAndItsTraceBreaksTheContract() throws IOException {
        ScriptFile f = ScriptFile.read(TESTDATA.resolve("commit-figure8.txt"));
        Transcript buggy = ScriptRunner.run(f, Bugs.parse("commit-old-term"));
        assertThat(GoldenDiff.compare(buggy)).isNotNull().contains("differs from the golden");
        String verdict = ContractReplay.check(buggy.servers(), buggy.trace());
        assertThat(verdict).isNotNull().contains("AdvanceCommitIndex");
        // Without the no-op the term-3 leader commits x, an entry of term 1, by counting n1 and n3.
        assertThat(buggy.outputs().get(buggy.outputs().size() - 1)).startsWith(
                "n1 Leader term=3 votedFor=n1 leader=n1 commit=1 applied=1 last=1", "  log [1:\"x\"]");
    }

    /**
     * Figure 8 of the paper on five servers: the correct leader of term 3 commits the term-1 entry x only with its
     * own no-op, and n5 is never elected again; with commit-old-term the contract rejects the step that commits x
     * by counting replicas, and the run goes on to overwrite the committed x on a majority.
     */
    @Test
    void figure8TheCommitOldTermBugIsCaughtWhereItCommitsAndTheEntryIsThenOverwritten() throws IOException {
        ScriptFile f = ScriptFile.read(TESTDATA.resolve("figure8.txt"));
        Transcript good = ScriptRunner.run(f);
        assertThat(String.join("\n", good.outputs().get(good.outputs().size() - 1)))
                .contains("n2 Follower term=4 votedFor=null leader=null commit=1 applied=1 last=3\n  log [1:\"\" 1:\"x\" 3:\"\"]")
                .contains("n5 Candidate term=4");
        Transcript buggy = ScriptRunner.run(f, Bugs.parse("commit-old-term"));
        String verdict = ContractReplay.check(buggy.servers(), buggy.trace());
        // the first step the contract rejects is n1, leader of term 3, committing x (without the no-op: index 1,
        // term 1) by counting n1, n2 and n3
        assertThat(verdict).isNotNull().contains("AdvanceCommitIndex at n1");
        int line = Integer.parseInt(verdict.replaceAll("^line (\\d+) .*", "$1"));
        assertThat(buggy.trace().get(line - 1).toString()).contains("node=n1").contains("commitIndex=1");
        assertThat(buggy.outputs()).anySatisfy(out -> assertThat(String.join("\n", out))
                .startsWith("n1 Leader term=3 votedFor=n1 leader=n1 commit=1 applied=1 last=1\n  log [1:\"x\"]")
                .contains("state machine [\"x\"]"));
        // n5 then wins term 4 and overwrites the committed x everywhere, on n1 too once it restarts
        String last = String.join("\n", buggy.outputs().get(buggy.outputs().size() - 1));
        assertThat(last).contains("n5 Leader term=4").doesNotContain("\"x\"");
        assertThat(last.split("log \\[2:\"y\"\\]", -1).length - 1).as(last).isEqualTo(5);
    }

    /**
     * Figure 7 of the paper on five servers: followers missing entries (n2), holding an extra entry of an earlier
     * term (n3) and holding entries of a term no one else saw (n4) all end with the new leader's log. Without the
     * consistency check at prevLogIndex (skip-prevlog-check) n4 keeps its term-2 entries and applies them.
     */
    @Test
    void figure7EveryDivergentFollowerIsRepairedAndWithoutThePrevLogCheckOneIsNot() throws IOException {
        ScriptFile f = ScriptFile.read(TESTDATA.resolve("figure7.txt"));
        Transcript good = ScriptRunner.run(f);
        String leaderLog = "log [1:\"\" 1:\"a\" 3:\"\" 3:\"c1\" 3:\"c2\" 3:\"c3\" 4:\"\"]";
        String before = good.outputs().stream().map(o -> String.join("\n", o))
                .filter(o -> o.startsWith("n1 Follower term=3")).findFirst().orElseThrow();
        assertThat(before).contains("n2 Follower term=3 votedFor=n3 leader=null commit=0 applied=0 last=4")
                .contains("log [1:\"\" 1:\"a\" 3:\"\" 3:\"c1\" 3:\"c2\" 3:\"c3\" 3:\"c4\"]")
                .contains("log [1:\"\" 1:\"a\" 2:\"\" 2:\"f1\" 2:\"f2\"]");
        String after = String.join("\n", good.outputs().get(good.outputs().size() - 1));
        assertThat(after.split(java.util.regex.Pattern.quote(leaderLog), -1).length - 1).as(after).isEqualTo(5);
        assertThat(after.split("commit=7 applied=7", -1).length - 1).as(after).isEqualTo(5);

        Transcript buggy = ScriptRunner.run(f, Bugs.parse("skip-prevlog-check"));
        String last = String.join("\n", buggy.outputs().get(buggy.outputs().size() - 1));
        assertThat(last).contains("log [1:\"\" 1:\"a\" 2:\"\" 2:\"f1\" 2:\"f2\" 3:\"c3\" 4:\"\"]")
                .contains("state machine [\"a\" \"f1\" \"f2\" \"c3\"]");
        assertThat(ContractReplay.check(buggy.servers(), buggy.trace())).isNotNull()
                .contains("HandleAppendEntriesRequest at n4");
    }

    @Test
    void aForgottenVoteChangesTheRestartTranscript() throws IOException {
        ScriptFile f = ScriptFile.read(TESTDATA.resolve("restart.txt"));
        Transcript buggy = ScriptRunner.run(f, Bugs.parse("forget-vote"));
        assertThat(GoldenDiff.compare(buggy)).isNotNull().contains("restart n2");
        assertThat(ContractReplay.check(buggy.servers(), buggy.trace())).isNotNull().contains("Restart");
    }

    @Test
    void mistakesInAScriptNameTheFileAndLine() {
        assertThatThrownBy(() -> ScriptRunner.run(ScriptFile.parse("bad.txt", "cluster n1 n2 n3\n----\nok\n\nfly n1\n----\n")))
                .isInstanceOf(ScriptException.class).hasMessageStartingWith("bad.txt:5: unknown command 'fly'");
        assertThatThrownBy(() -> ScriptRunner.run(ScriptFile.parse("bad.txt", "cluster n1 n2\n----\n\ntick n9\n----\n")))
                .hasMessageStartingWith("bad.txt:4: unknown server 'n9'");
        assertThatThrownBy(() -> ScriptRunner.run(ScriptFile.parse("bad.txt", "tick n1\n----\n")))
                .hasMessageStartingWith("bad.txt:1: 'tick' before 'cluster'");
        assertThatThrownBy(() -> ScriptRunner.run(ScriptFile.parse("bad.txt", "cluster n1\n----\n\ntick n1 many\n----\n")))
                .hasMessageStartingWith("bad.txt:4: 'many' is not a number");
        assertThatThrownBy(() -> ScriptFile.parse("bad.txt", "# c\ncluster n1\nok\n"))
                .hasMessageStartingWith("bad.txt:2: command 'cluster n1' must be followed by a line '----'");
        assertThatThrownBy(() -> ScriptRunner.run(ScriptFile.parse("bad.txt", "cluster n1 seed=x\n----\n")))
                .hasMessageStartingWith("bad.txt:1: cluster option seed='x' is not a number");
        assertThatThrownBy(() -> ScriptRunner.run(ScriptFile.parse("bad.txt", "cluster n1 bugs=nope\n----\n")))
                .hasMessageStartingWith("bad.txt:1: unknown bug 'nope'");
    }

    @Test
    void rewritingKeepsCommentsAndReplacesOnlyOutputs() {
        ScriptFile f = ScriptFile.parse("x.txt", "# head\ncluster n1\n----\nstale\nlines\n\n# mid\nstatus\n----\n");
        Transcript t = ScriptRunner.run(f);
        String text = t.text();
        assertThat(text).startsWith("# head\ncluster n1\n----\n1 servers n1;").contains("\n\n# mid\nstatus\n----\nn1 Follower")
                .doesNotContain("stale").endsWith("\n\n");
        assertThat(GoldenDiff.compare(ScriptRunner.run(ScriptFile.parse("x.txt", text)))).isNull();
    }

    @Test
    void aCrashLosesWhatNoReadyPersistedAndARestartRecoversWhatOneDid() {
        ScriptFile f = ScriptFile.parse("crash.txt", String.join("\n", "cluster n1 n2 n3", "----", "",
                "campaign n1", "----", "", "stabilize", "----", "", "propose n1 kept", "----", "", "ready n1", "----", "",
                "propose n1 lost", "----", "", "crash n1", "----", "", "restart n1", "----", "", "status n1", "----", ""));
        List<String> status = ScriptRunner.run(f).outputs().get(8);
        assertThat(status.get(1)).isEqualTo("  log [1:\"\" 1:\"kept\"]");
    }
}
