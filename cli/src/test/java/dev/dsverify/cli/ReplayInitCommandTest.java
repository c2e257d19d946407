package dev.dsverify.cli;

import static dev.dsverify.cli.CheckCommandTest.dsverify;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsverify replay init}: a trace spec to start from, read from the user's spec with SANY. */
class ReplayInitCommandTest {
    private static final Path TWOPHASE = Path.of("../specs/twophase");
    private static final Path RAFT = Path.of("../specs/raft");

    @TempDir
    Path tmp;

    private Path copy(Path dir, String... names) throws IOException {
        for (String n : names) {
            Files.copy(dir.resolve(n), tmp.resolve(n));
        }
        return tmp.resolve(names[0]);
    }

    @Test
    void twoPhaseGetsOneArmPerActionAndAReplayThatWorksOnceTheConstantIsBound() throws IOException {
        Path spec = copy(TWOPHASE, "TwoPhase.tla", "TCommit.tla");
        CheckCommandTest.Run r = dsverify("replay", "init", "--spec", spec.toString(), "--next", "TPNext",
                "--init", "TPInit");
        assertThat(r.exit()).as(r.err()).isZero();
        String tla = Files.readString(tmp.resolve("TraceTwoPhase.tla"));
        // Every action of TPNext, found through TMStep and RMStep(r), with its parameters bound from the record.
        for (String action : new String[] {"TMCommit", "TMAbort", "TMRcvPrepared", "RMPrepare", "RMChooseToAbort",
                "RMRcvCommitMsg", "RMRcvAbortMsg"}) {
            assertThat(tla).contains("e.event = \"" + action + "\"");
        }
        assertThat(tla).contains("LET r == e.r").contains("/\\ RMPrepare(r)")
                .contains("EXTENDS TwoPhase, TraceValidation").contains("TraceInit == TPInit");
        // RMPrepare changes rmState and msgs, not tmState: the checks follow the action's primes.
        String prepareArm = tla.substring(tla.indexOf("\"RMPrepare\""), tla.indexOf("\"RMChooseToAbort\""));
        assertThat(prepareArm).contains("rmState' = e.state.rmState").contains("msgs' = e.state.msgs")
                .doesNotContain("tmState'");
        assertThat(Files.readString(tmp.resolve("TraceTwoPhase.cfg"))).contains("CONSTANT RM <- TraceNodes")
                .contains("NEXT TPNext");

        // The generated trace spec replays a log as it stands.
        Path good = Files.writeString(tmp.resolve("good.ndjson"), """
                {"clock":1,"node":"r1","event":"RMPrepare","r":"r1","state":{"rmState":{"r1":"prepared","r2":"working"}}}
                {"clock":2,"node":"r2","event":"RMChooseToAbort","r":"r2","state":{"rmState":{"r1":"prepared","r2":"aborted"}}}
                """);
        CheckCommandTest.Run match = dsverify("replay", "--trace-spec", tmp.resolve("TraceTwoPhase.tla").toString(),
                good.toString());
        assertThat(match.exit()).as(match.out() + match.err()).isZero();
        Path bad = Files.writeString(tmp.resolve("bad.ndjson"), """
                {"clock":1,"node":"r1","event":"RMPrepare","r":"r1","state":{"rmState":{"r1":"prepared","r2":"working"}}}
                {"clock":2,"node":"r2","event":"RMPrepare","r":"r1","state":{"rmState":{"r1":"prepared","r2":"working"}}}
                """);
        CheckCommandTest.Run diverge = dsverify("replay", "--trace-spec",
                tmp.resolve("TraceTwoPhase.tla").toString(), bad.toString());
        assertThat(diverge.exit()).as(diverge.out() + diverge.err()).isEqualTo(1);
        assertThat(diverge.out()).contains("bad.ndjson:2").contains("rmState[r] = \"working\"");
    }

    @Test
    void raftGetsAnArmPerStepAndItsProcessSetBound() throws IOException {
        Path spec = copy(RAFT, "Raft.tla", "AbstractLog.tla");
        CheckCommandTest.Run r = dsverify("replay", "init", "--spec", spec.toString(), "--out",
                tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("23 actions");
        String tla = Files.readString(tmp.resolve("out/TraceRaft.tla"));
        assertThat(tla).contains("e.event = \"HandleRequestVoteRequestStep\"").contains("LET m == e.m")
                .contains("e.event = \"CompactLogStep\"");
        String cfg = Files.readString(tmp.resolve("out/TraceRaft.cfg"));
        assertThat(cfg).contains("CONSTANT Server <- TraceNodes").contains("\\* CONSTANT Nil = ...");
    }

    @Test
    void existingFilesAreKeptUnlessForced() throws IOException {
        Path spec = copy(TWOPHASE, "TwoPhase.tla", "TCommit.tla");
        Files.writeString(tmp.resolve("TraceTwoPhase.tla"), "mine");
        CheckCommandTest.Run r = dsverify("replay", "init", "--spec", spec.toString(), "--next", "TPNext");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("exists; pass --force");
        assertThat(Files.readString(tmp.resolve("TraceTwoPhase.tla"))).isEqualTo("mine");
        assertThat(dsverify("replay", "init", "--spec", spec.toString(), "--next", "TPNext", "--force").exit())
                .isZero();
    }

    @Test
    void aSpecThatDoesNotParseIsNamedWithItsLine() throws IOException {
        Path spec = Files.writeString(tmp.resolve("Broken.tla"), """
                ---- MODULE Broken ----
                VARIABLE x
                Init == x = 0
                Next == x' = x +
                ====
                """);
        CheckCommandTest.Run r = dsverify("replay", "init", "--spec", spec.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Broken.tla does not parse").containsPattern("line \\d+");
        assertThat(tmp.resolve("TraceBroken.tla")).doesNotExist();
    }

    @Test
    void aMissingNextIsNamed() throws IOException {
        Path spec = copy(TWOPHASE, "TwoPhase.tla", "TCommit.tla");
        CheckCommandTest.Run r = dsverify("replay", "init", "--spec", spec.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("defines no operator 'Next'").contains("--next");
    }
}
