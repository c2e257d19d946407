package dev.dsverify.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.twophase.Bug;
import dev.dsverify.twophase.BugSites;
import dev.dsverify.twophase.TwoPhaseConfig;
import dev.dsverify.twophase.TwoPhaseRun;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-phase-commit example end to end: the Java implementation logs through the tracing library, one
 * file per node, and replay against TwoPhase.tla (through specs/twophase/TraceTwoPhase.tla) finds every
 * correct run explained and each deliberate bug at the first line it wrote, as the run's own bookkeeping
 * says; plain TLC on the same trace spec agrees.
 */
class TwoPhaseExampleTest {
    private static final Path TRACE_SPEC = Path.of("../specs/twophase/TraceTwoPhase.tla");

    @TempDir
    Path tmp;

    private TraceResult replay(TwoPhaseRun.Result run, String name) throws Exception {
        List<Path> files = run.writeTo(tmp.resolve(name));
        return TraceSpecValidator.validate(TRACE_SPEC, files);
    }

    @Test
    void correctRunsUnderLossDuplicationReorderingAndTmCrashesAreExplained() throws Exception {
        int crashes = 0;
        int lost = 0;
        for (long seed = 1; seed <= 20; seed++) {
            TwoPhaseRun.Result run = TwoPhaseRun.run(TwoPhaseConfig.defaults(seed));
            assertThat(run.bugSites()).isEmpty();
            TraceResult r = replay(run, "good-" + seed);
            assertThat(r.verdict()).as("seed %d: %s", seed, r.reasons()).isEqualTo(Verdict.MATCH);
            crashes += run.crashes();
            lost += run.dropped();
        }
        // The sweep did exercise the faults it claims to survive.
        assertThat(crashes).isPositive();
        assertThat(lost).isPositive();
    }

    @Test
    void aTmThatCommitsBeforeEveryRmIsPreparedDivergesAtItsCommit() throws Exception {
        assertFirstBuggyLineIsFound(Bug.COMMIT_BEFORE_ALL_PREPARED, "TMCanCommit");
    }

    @Test
    void anRmThatAbortsAfterVotingPreparedDivergesAtItsAbort() throws Exception {
        assertFirstBuggyLineIsFound(Bug.ABORT_AFTER_PREPARED, "rmState[r] = \"working\"");
    }

    private void assertFirstBuggyLineIsFound(Bug bug, String falseGuard) throws Exception {
        int seen = 0;
        for (long seed = 1; seed <= 10; seed++) {
            TwoPhaseRun.Result run = TwoPhaseRun.run(TwoPhaseConfig.defaults(seed).withBug(bug));
            TraceResult r = replay(run, bug.flag() + "-" + seed);
            if (run.firstBug().isEmpty()) {
                // The bug never acted (e.g. every RM was prepared before the first vote arrived).
                assertThat(r.verdict()).as("seed %d", seed).isEqualTo(Verdict.MATCH);
                continue;
            }
            seen++;
            BugSites.Site first = run.firstBug().get();
            assertThat(r.verdict()).as("seed %d", seed).isEqualTo(Verdict.DIVERGENCE);
            assertThat(Path.of(r.file()).getFileName().toString()).as("seed %d", seed).isEqualTo(first.file());
            assertThat(r.firstUnmatchedLine()).as("seed %d", seed).isEqualTo(first.line());
            assertThat(String.join("\n", r.reasons())).contains(falseGuard);
        }
        assertThat(seen).as("the bug acted in some seed").isPositive();
    }

    @Test
    void aTraceSpecLoadsAfterTheRaftSpecInTheSameJvmAndBack() throws Exception {
        // TLC keeps where variables live on interned names; a spec loaded after another must not inherit them.
        assertThat(TraceValidator.validate(Specs.raft(), Specs.trace("election.ndjson")).verdict())
                .isEqualTo(Verdict.MATCH);
        assertThat(replay(TwoPhaseRun.run(TwoPhaseConfig.defaults(2)), "after-raft").verdict())
                .isEqualTo(Verdict.MATCH);
        assertThat(TraceValidator.validate(Specs.raft(), Specs.trace("election.ndjson")).verdict())
                .isEqualTo(Verdict.MATCH);
    }

    @Test
    void plainTlcAgreesWithTheReplayer() throws Exception {
        TwoPhaseRun.Result good = TwoPhaseRun.run(TwoPhaseConfig.defaults(3));
        List<Path> goodFiles = good.writeTo(tmp.resolve("tlc-good"));
        assertThat(TraceSpecValidator.validate(TRACE_SPEC, goodFiles).verdict()).isEqualTo(Verdict.MATCH);
        assertThat(tlc(goodFiles)).isEqualTo(12);

        TwoPhaseRun.Result bad = TwoPhaseRun.run(TwoPhaseConfig.defaults(7).withBug(Bug.COMMIT_BEFORE_ALL_PREPARED));
        List<Path> badFiles = bad.writeTo(tmp.resolve("tlc-bad"));
        assertThat(TraceSpecValidator.validate(TRACE_SPEC, badFiles).verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(tlc(badFiles)).isZero();
    }

    /** Plain TLC on the staged driver: exit 12 when the whole log is explained, 0 when it is not. */
    private int tlc(List<Path> logs) throws Exception {
        TraceSpecValidator.Staged staged = TraceSpecValidator.stage(
                new TraceSpecValidator.Options(TRACE_SPEC, null, null, false));
        Path meta = Files.createTempDirectory(tmp, "meta");
        Path javaTmp = Files.createTempDirectory(tmp, "jtmp");
        String library = staged.libraryPath().stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        String trace = logs.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(","));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + javaTmp, "-DTLA-Library=" + library,
                "-D" + dev.dsverify.trace.tla.LoadedLog.PROPERTY + "=" + trace,
                "-cp", System.getProperty("java.class.path"),
                "tlc2.TLC", "-workers", "1", "-metadir", meta.toString(),
                "-config", TraceSpecValidator.CHECK_CFG, TraceSpecValidator.DRIVER));
        Process p = new ProcessBuilder(cmd).directory(staged.dir().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertThat(out).as(out).doesNotContain("Attempted to", "error occurred when TLC was evaluating");
        return code;
    }
}
