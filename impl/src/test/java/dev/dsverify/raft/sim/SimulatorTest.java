package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.raft.trace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {
    private static final EnumSet<FaultType> ALL = EnumSet.allOf(FaultType.class);

    private static byte[] traceBytes(SimResult r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NdjsonTraceWriter.write(r.trace(), out);
        return out.toByteArray();
    }

    @Test
    void oneSeedReproducesTheWholeRunBitForBit() throws Exception {
        SimResult a = Simulator.run(SimConfig.builder().seed(42).nodes(3).trace(true).build(), 200, ALL);
        SimResult b = Simulator.run(SimConfig.builder().seed(42).nodes(3).trace(true).build(), 200, ALL);
        assertThat(a.passed()).as(a.summary()).isTrue();
        assertThat(b.summary()).isEqualTo(a.summary());
        assertThat(b.history()).isEqualTo(a.history());
        assertThat(traceBytes(b)).isEqualTo(traceBytes(a));
        SimResult c = Simulator.run(SimConfig.builder().seed(43).nodes(3).trace(true).build(), 200, ALL);
        assertThat(traceBytes(c)).isNotEqualTo(traceBytes(a));
    }

    @Test
    void tracingDoesNotChangeTheRun() {
        SimResult traced = Simulator.run(SimConfig.builder().seed(7).nodes(3).trace(true).build(), 200, ALL);
        SimResult plain = Simulator.run(SimConfig.builder().seed(7).nodes(3).build(), 200, ALL);
        assertThat(plain.summary()).isEqualTo(traced.summary());
        assertThat(plain.trace()).isEmpty();
    }

    @Test
    void theTraceAccountsForEveryMessageAsTheSpecsBag() {
        for (long seed = 1; seed <= 10; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3).trace(true).build(), 150, ALL);
            assertThat(r.passed()).as(r.summary()).isTrue();
            assertThat(TraceBag.check(r.trace())).as("seed %d", seed).isNull();
            Set<EventType> seen = r.trace().stream().map(TraceEvent::event).collect(Collectors.toSet());
            assertThat(seen).contains(EventType.Timeout, EventType.RequestVote, EventType.BecomeLeader,
                    EventType.ClientRequest, EventType.AppendEntries, EventType.HandleAppendEntriesRequest,
                    EventType.HandleAppendEntriesResponse, EventType.AdvanceCommitIndex, EventType.DropMessage);
        }
    }

    @Test
    void everyTraceEventIsTheContractsActionWithTheContractsPostState() {
        for (long seed = 1; seed <= 40; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(seed % 4 == 0 ? 5 : 3)
                    .trace(true).build(), 200, ALL);
            assertThat(r.passed()).as(r.summary()).isTrue();
            assertThat(ContractReplay.check(SimConfig.nodeIds(seed % 4 == 0 ? 5 : 3), r.trace()))
                    .as("seed %d", seed).isNull();
        }
    }

    @Test
    void theContractReplayRejectsTracesOfEveryBugSwitchThatTookEffect() {
        for (String bug : Bugs.NAMES) {
            String verdict = null;
            for (long seed = 1; seed <= 40 && verdict == null; seed++) {
                SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3)
                        .bugs(Bugs.parse(bug)).trace(true).build(), 300, ALL);
                if (r.bugActivations() > 0) {
                    verdict = ContractReplay.check(SimConfig.nodeIds(3), r.trace());
                    assertThat(verdict).as("%s seed %d took effect %d times", bug, seed, r.bugActivations()).isNotNull();
                }
            }
            assertThat(verdict).as(bug).isNotNull();
        }
    }

    @Test
    void crashesRestartServersWithARestartEventAndNetworkFaultsAreTraced() {
        boolean restart = false;
        boolean dup = false;
        boolean updateTerm = false;
        for (long seed = 1; seed <= 10 && !(restart && dup && updateTerm); seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3).trace(true).build(), 200, ALL);
            for (TraceEvent e : r.trace()) {
                restart |= e.event() == EventType.Restart;
                dup |= e.event() == EventType.DuplicateMessage;
                updateTerm |= e.event() == EventType.UpdateTerm;
            }
        }
        assertThat(restart).isTrue();
        assertThat(dup).isTrue();
        assertThat(updateTerm).isTrue();
    }

    @Test
    void preVoteRunsPassAndTheirTracesStillFollowTheContract() {
        for (long seed = 1; seed <= 20; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3)
                    .preVote(true).trace(true).build(), 200, ALL);
            assertThat(r.passed()).as(r.summary()).isTrue();
            assertThat(ContractReplay.check(SimConfig.nodeIds(3), r.trace())).as("seed %d", seed).isNull();
        }
    }

    @Test
    void tornWriteCrashesLoseOnlyUnsyncedStateAndRunsStillPass() {
        int tornCrashes = 0;
        for (long seed = 1; seed <= 30; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3).tornWrites(true).build(), 300, ALL);
            assertThat(r.passed()).as(r.summary()).isTrue();
            tornCrashes += r.tornCrashes();
        }
        assertThat(tornCrashes).isPositive();
    }

    @Test
    void checkQuorumRunsPass() {
        for (long seed = 1; seed <= 20; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3)
                    .checkQuorum(true).preVote(seed % 2 == 0).build(), 200, ALL);
            assertThat(r.passed()).as(r.summary()).isTrue();
        }
    }

    @Test
    void fiveNodeClustersPassToo() {
        for (long seed = 1; seed <= 5; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(5).build(), 200, ALL);
            assertThat(r.passed()).as(r.summary()).isTrue();
        }
    }

    @Test
    void theWholeRunsTraceIsOneFileWrittenAtomically(@TempDir Path dir) throws Exception {
        SimResult r = Simulator.run(SimConfig.builder().seed(3).nodes(3).trace(true).build(), 100, ALL);
        Path out = dir.resolve("run.ndjson");
        NdjsonTraceWriter.writeAtomically(r.trace(), out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(r.trace().size());
        assertThat(lines.get(0)).startsWith("{\"schema\":1,");
    }

    @Test
    void theInvariantsCatchACommitIndexMovingBackwardsAndTheShrinkerMinimisesIt() {
        SimConfig cfg = SimConfig.builder().seed(1).nodes(3).bugs(Bugs.parse("commit-backwards")).build();
        SimResult r = Simulator.run(cfg, 300, ALL);
        assertThat(r.verdict()).isEqualTo(SimResult.Verdict.FAIL);
        assertThat(r.property()).isEqualTo("CommitIndexMonotonic");
        Shrinker.Shrunk s = Shrinker.shrink(cfg, r, 80);
        assertThat(s.minimal().property()).isEqualTo("CommitIndexMonotonic");
        assertThat(s.minimal().schedule().ops()).isLessThan(r.schedule().ops());
        assertThat(s.minimal().schedule().faults().size()).isLessThan(r.schedule().faults().size());
        // The minimal schedule is itself a reproducible failure.
        SimResult again = new Simulator(cfg, s.minimal().schedule()).run();
        assertThat(again.property()).isEqualTo("CommitIndexMonotonic");
        assertThat(Shrinker.report(cfg, s)).contains("minimal schedule").contains("--bug commit-backwards");
    }

    @Test
    void theInvariantsCatchAFollowerSkippingThePrevLogCheck() {
        assertThat(firstFailure("skip-prevlog-check", 60)).isIn("LogMatching", "StateMachineSafety");
    }

    @Test
    void theInvariantsCatchADoubleVote() {
        assertThat(firstFailure("double-vote", 120)).isIn("ElectionSafety", "LogMatching", "StateMachineSafety",
                "LeaderCompleteness", "CommittedEntriesStable", "Linearizability");
    }

    @Test
    void everyBugSwitchTakesEffectInSimulatedRuns() {
        for (String bug : Bugs.NAMES) {
            long hits = 0;
            for (long seed = 1; seed <= 40 && hits == 0; seed++) {
                hits += Simulator.run(SimConfig.builder().seed(seed).nodes(3)
                        .bugs(Bugs.parse(bug)).build(), 300, ALL).bugActivations();
            }
            assertThat(hits).as(bug).isPositive();
        }
        assertThat(Simulator.run(SimConfig.builder().seed(1).nodes(3).build(), 300, ALL).bugActivations()).isZero();
    }

    private static String firstFailure(String bug, int seeds) {
        for (long seed = 1; seed <= seeds; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3)
                    .bugs(Bugs.parse(bug)).build(), 300, ALL);
            if (!r.passed()) {
                return r.property();
            }
        }
        return "none in " + seeds + " seeds";
    }
}
