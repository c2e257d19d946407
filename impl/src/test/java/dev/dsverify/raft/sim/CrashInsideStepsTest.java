package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.TraceEvent;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Servers keep their state with the production storage on a simulated disk, and crash inside their steps; runs
 * pass and their traces follow the contract, while a storage path that answers before its data is durable is
 * caught.
 */
class CrashInsideStepsTest {
    private static final EnumSet<FaultType> ALL = EnumSet.allOf(FaultType.class);
    private static final List<String> IDS = SimConfig.nodeIds(3);

    @Test
    void crashesInsideStepsOfEveryKindStrikeAndTracedRunsFollowTheContract() {
        Map<CrashPoint, Integer> scheduled = new EnumMap<>(CrashPoint.class);
        int struck = 0;
        int restarts = 0;
        for (long seed = 1; seed <= 30; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3).tornWrites(true).trace(true).build(),
                    300, ALL);
            assertThat(r.passed()).as(r.summary()).isTrue();
            assertThat(ContractReplay.check(IDS, r.trace())).as("seed %d", seed).isNull();
            assertThat(TraceBag.check(r.trace())).as("seed %d", seed).isNull();
            for (Fault f : r.schedule().faults()) {
                if (f instanceof Fault.Crash c) {
                    scheduled.merge(c.point(), 1, Integer::sum);
                }
            }
            struck += r.tornCrashes();
            restarts += (int) r.trace().stream().filter(e -> e.event() == EventType.Restart).count();
        }
        assertThat(scheduled.keySet()).containsAll(CrashPoint.IN_STEP);
        assertThat(struck).isGreaterThan(10);
        assertThat(restarts).isGreaterThan(struck);
    }

    @Test
    void everyInStepPointReproducesThroughTheScheduleText() {
        Schedule s = ScheduleText.decode("ops=40/types=drop/tcrash:n1:100000:400000/pcrash:n2:900000:1200000"
                + "/scrash:n3:1500000:1900000/crash:n1:2000000:2100000", 3);
        assertThat(s.faults()).extracting(f -> ((Fault.Crash) f).point()).containsExactly(CrashPoint.WRITE_FSYNC,
                CrashPoint.AFTER_PERSIST, CrashPoint.AFTER_SEND, CrashPoint.BETWEEN_STEPS);
        assertThat(ScheduleText.decode(ScheduleText.encode(s), 3)).isEqualTo(s);
        SimConfig cfg = SimConfig.builder().seed(5).nodes(3).trace(true).build();
        SimResult a = new Simulator(cfg, s).run();
        SimResult b = new Simulator(cfg, s).run();
        assertThat(a.passed()).as(a.summary()).isTrue();
        assertThat(a.tornCrashes()).isPositive();
        assertThat(b.summary()).isEqualTo(a.summary());
        assertThat(b.trace()).isEqualTo(a.trace());
        assertThat(ContractReplay.check(IDS, a.trace())).isNull();
    }

    @Test
    void aFailureWithCrashesInsideStepsShrinksAndItsPrintedScheduleFailsAgain() {
        SimConfig cfg = null;
        SimResult failing = null;
        for (long seed = 1; seed <= 40 && failing == null; seed++) {
            SimConfig c = SimConfig.builder().seed(seed).nodes(3).tornWrites(true)
                    .bugs(dev.dsverify.raft.core.Bugs.parse("commit-backwards")).build();
            Schedule s = Schedule.generate(seed, 3, 200, ALL, true);
            if (s.faults().stream().noneMatch(f -> f instanceof Fault.Crash k && k.inStep())) {
                continue;
            }
            SimResult r = new Simulator(c, s).run();
            if (r.verdict() == SimResult.Verdict.FAIL) {
                cfg = c;
                failing = r;
            }
        }
        assertThat(failing).as("a failing seed with in-step crashes in its schedule").isNotNull();
        Shrinker.Shrunk shrunk = Shrinker.shrink(cfg, failing, 30);
        assertThat(shrunk.minimal().schedule().faults().size())
                .isLessThanOrEqualTo(failing.schedule().faults().size());
        Schedule again = ScheduleText.decode(ScheduleText.encode(shrunk.minimal().schedule()), 3);
        SimResult r = new Simulator(cfg, again).run();
        assertThat(r.property()).isEqualTo(failing.property());
        assertThat(r.summary()).isEqualTo(shrunk.minimal().summary());
    }

    /** A WAL whose fsync is left out loses acknowledged records in a crash: the seed fails, saying so. */
    @Test
    void aSkippedWalFsyncIsCaughtBySeedSweep() {
        int failed = 0;
        String first = null;
        for (long seed = 1; seed <= 10; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).nodes(3).build();
            Schedule s = Schedule.generate(seed, 3, 300, ALL);
            SimResult good = new Simulator(cfg, s).run();
            assertThat(good.passed()).as(good.summary()).isTrue();
            SimResult bad = new Simulator(cfg, s).withStorageFault(StorageFault.SKIP_WAL_FSYNC).run();
            if (bad.verdict() == SimResult.Verdict.FAIL) {
                failed++;
                first = first == null ? bad.failure() : first;
            }
        }
        assertThat(failed).as("seeds failing with the WAL's fsync skipped").isGreaterThanOrEqualTo(3);
        assertThat(first).startsWith("Recovery: ").contains("acknowledged data is missing");
    }

    /**
     * A storage that acknowledges before its fsync: what a crash then loses was already answered for, and the
     * trace's Restart line (the state actually recovered) shows it, or the run's checks do.
     */
    @Test
    void answeringBeforeTheFsyncShowsAtTheRestartLine() {
        int atRestart = 0;
        for (long seed = 1; seed <= 20; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).nodes(3).trace(true).build();
            SimResult r = new Simulator(cfg, Schedule.generate(seed, 3, 300, ALL, true))
                    .withStorageFault(StorageFault.ACK_BEFORE_FSYNC).run();
            String bad = ContractReplay.check(IDS, r.trace());
            if (bad != null && bad.contains("Restart")) {
                atRestart++;
            }
        }
        assertThat(atRestart).as("traces diverging at a Restart line").isPositive();
    }
}
