package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.core.Bugs;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-of-run convergence property, on server states the test writes by hand, and in runs. */
class ConvergenceCheckTest {
    private static final long TICK = 10_000L;
    private static final long START = 2_000_000L;

    private static ConvergenceCheck.Server leader(long commit) {
        return new ConvergenceCheck.Server("n1", true, true, 3, commit, commit, commit, 3);
    }

    private static ConvergenceCheck.Server follower(String id, long commit, long lastIndex, long lastTerm) {
        return new ConvergenceCheck.Server(id, true, false, 3, commit, commit, lastIndex, lastTerm);
    }

    @Test
    void aClusterWhoseServersAllHoldTheLeadersCommittedLogHasConverged() {
        List<ConvergenceCheck.Server> s = List.of(leader(40), follower("n2", 40, 40, 3), follower("n3", 40, 40, 3));
        assertThat(ConvergenceCheck.lag(s)).isNull();
        ConvergenceCheck c = new ConvergenceCheck(TICK);
        c.start(START);
        assertThat(c.check(s, START)).isTrue();
    }

    @Test
    void aFollowerThatNeverCatchesUpFailsConvergenceOnceTheBoundIsExceeded() {
        List<ConvergenceCheck.Server> s = List.of(leader(40), follower("n2", 40, 40, 3), follower("n3", 12, 12, 1));
        ConvergenceCheck c = new ConvergenceCheck(TICK);
        c.start(START);
        assertThat(c.check(s, START + ConvergenceCheck.BOUND_TICKS * TICK)).isFalse();
        assertThatThrownBy(() -> c.check(s, START + (ConvergenceCheck.BOUND_TICKS + 1) * TICK))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        v -> assertThat(v.property()).isEqualTo("Convergence"))
                .hasMessageContaining("n3 at commit 12 (applied 12, log to 12 of term 1, term 3)")
                .hasMessageContaining("leader n1 at commit 40")
                .hasMessageContaining(ConvergenceCheck.BOUND_TICKS + " ticks after all operations completed and the"
                        + " faults stopped at 2.000s");
    }

    @Test
    void aLogEndingInAnotherTermOrNotAppliedOrALeaderlessClusterHasNotConverged() {
        assertThat(ConvergenceCheck.lag(List.of(leader(40), follower("n2", 40, 40, 2))))
                .startsWith("n2 at commit 40 (applied 40, log to 40 of term 2");
        assertThat(ConvergenceCheck.lag(List.of(leader(40),
                new ConvergenceCheck.Server("n2", true, false, 3, 40, 39, 40, 3))))
                .startsWith("n2 at commit 40 (applied 39");
        assertThat(ConvergenceCheck.lag(List.of(new ConvergenceCheck.Server("n1", true, true, 3, 39, 39, 40, 3),
                follower("n2", 39, 40, 3))))
                .contains("leader n1 at commit 39").contains("has not committed and applied its whole log");
        assertThat(ConvergenceCheck.lag(List.of(follower("n1", 40, 40, 3), follower("n2", 40, 40, 3))))
                .startsWith("no leader in term 3");
        // a leader deposed in an older term does not count
        assertThat(ConvergenceCheck.lag(List.of(new ConvergenceCheck.Server("n1", true, true, 2, 40, 40, 40, 2),
                follower("n2", 40, 40, 2).withTerm(4))))
                .startsWith("no leader in term 4");
        assertThat(ConvergenceCheck.lag(List.of(leader(40),
                new ConvergenceCheck.Server("n2", false, false, -1, 0, 0, 0, 0))))
                .startsWith("n2 down");
    }

    @Test
    void runsWithFaultsAndSnapshotsEndOnlyOnceEveryServerHasCaughtUp() {
        for (long seed = 1; seed <= 3; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).snapshotEvery(4).build();
            SimResult r = Simulator.run(cfg, 40, EnumSet.allOf(FaultType.class));
            assertThat(r.passed()).as(r.summary()).isTrue();
            assertThat(r.liveness().convergedAfter()).as(r.summary())
                    .isBetween(0L, (long) ConvergenceCheck.BOUND_TICKS);
        }
    }

    @Test
    void theRunStopsTheFaultsWhenTheOperationsAreDoneBeforeTheScheduleWould() {
        // 10 operations end long before the schedule's 3 s horizon: the faults stop then, and the run ends soon after
        SimConfig cfg = SimConfig.builder().seed(2).bugs(Bugs.NONE).build();
        Schedule schedule = Schedule.generate(2, 3, 10, EnumSet.allOf(FaultType.class));
        SimResult r = new Simulator(cfg, schedule).run();
        assertThat(r.passed()).as(r.summary()).isTrue();
        assertThat(r.simMicros()).isLessThan(schedule.quietAt());
        assertThat(r.liveness().convergedAfter()).isNotNegative();
    }
}
