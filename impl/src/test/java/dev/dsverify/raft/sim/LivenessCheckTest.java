package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The liveness phase's bounds, on a cluster whose roles and links the test sets by hand, and in runs. */
class LivenessCheckTest {
    private static final long TICK = 10_000L;

    /** Three servers; the test says who runs, who leads in which term, and which links are cut. */
    private static final class Fake implements LivenessCheck.Cluster {
        final Set<String> down = new HashSet<>();
        final Map<String, Long> terms = new HashMap<>(Map.of("n1", 1L, "n2", 1L, "n3", 1L));
        final Set<String> cut = new HashSet<>();
        String leader;

        public List<String> ids() {
            return List.of("n1", "n2", "n3");
        }

        public boolean running(String id) {
            return !down.contains(id);
        }

        public boolean leader(String id) {
            return id.equals(leader) && running(id);
        }

        public long term(String id) {
            return terms.get(id);
        }

        public boolean cut(String from, String to) {
            return cut.contains(from + ">" + to);
        }
    }

    @Test
    void noLeaderAfterTheFaultsStopFailsLivenessNamingWhatWasPending() {
        Fake c = new Fake();
        LivenessCheck l = new LivenessCheck(c, TICK, true);
        l.issued(0, "c1's Put[key=k1, value=v1]", 5_000);
        c.down.add("n2");
        c.down.add("n3");
        l.topologyChanged(0);
        l.check(3_000_000); // before the faults stop nothing is due: no majority is up
        c.down.clear();
        l.faultsStopped(3_000_000);
        l.check(3_000_000 + LivenessCheck.LEADER_BOUND_TICKS * TICK);
        assertThatThrownBy(() -> l.check(3_000_000 + (LivenessCheck.LEADER_BOUND_TICKS + 1) * TICK))
                .isInstanceOfSatisfying(InvariantViolation.class, v -> assertThat(v.property()).isEqualTo("Liveness"))
                .hasMessageContaining("no leader elected within " + LivenessCheck.LEADER_BOUND_TICKS
                        + " ticks after the faults stopped at 3.000s")
                .hasMessageContaining("pending: c1's Put[key=k1, value=v1] since 0.005s");
    }

    @Test
    void aCommandPendingTooLongAfterTheFaultsStopFailsLiveness() {
        Fake c = new Fake();
        LivenessCheck l = new LivenessCheck(c, TICK, true);
        c.leader = "n1";
        l.faultsStopped(1_000_000);
        l.issued(7, "c2's Get[key=k3]", 1_500_000);
        l.check(1_500_000 + LivenessCheck.COMMAND_BOUND_TICKS * TICK);
        assertThatThrownBy(() -> l.check(1_500_000 + (LivenessCheck.COMMAND_BOUND_TICKS + 1) * TICK))
                .hasMessageContaining("Liveness: c2's Get[key=k3] not completed within "
                        + LivenessCheck.COMMAND_BOUND_TICKS + " ticks");
        l.completed(7, 1_600_000);
        assertThat(l.report(1_600_000).longestCommandAfterQuiet()).isEqualTo(10);
    }

    @Test
    void aConnectedMajorityWithoutALeaderTooLongFailsLeaderAvailability() {
        Fake c = new Fake();
        LivenessCheck l = new LivenessCheck(c, TICK, true);
        l.topologyChanged(0);
        assertThatThrownBy(() -> l.check((LivenessCheck.LEADERLESS_BOUND_TICKS + 1) * TICK))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        v -> assertThat(v.property()).isEqualTo("LeaderAvailability"))
                .hasMessageContaining("while [n1, n2, n3] were up, running and connected");
    }

    @Test
    void aLeaderlessStretchCountsOnlyWhileAMajorityIsConnectedAndTheLeaderIsCurrent() {
        Fake c = new Fake();
        LivenessCheck l = new LivenessCheck(c, TICK, true);
        // n1 is cut off from both others: no two-server clique without n1 can form a majority with it, but n2 and n3
        // still reach each other, so they are a connected majority; a leader n1 behind the cut does not count
        c.leader = "n1";
        c.cut.addAll(List.of("n1>n2", "n2>n1", "n1>n3", "n3>n1"));
        l.topologyChanged(0);
        // n2 and n3 move on to term 2 and n2 leads after 30 ticks
        c.terms.put("n2", 2L);
        c.terms.put("n3", 2L);
        c.leader = "n2";
        l.stepped(30 * TICK);
        // then n3 is down and n2 cut off: no majority, so no leaderless stretch however long
        c.down.add("n3");
        c.leader = null;
        l.topologyChanged(40 * TICK);
        assertThatCode(() -> l.check(10_000 * TICK)).doesNotThrowAnyException();
        assertThat(l.report(10_000 * TICK).longestLeaderless()).isEqualTo(30);
    }

    @Test
    void slowMessagesExemptTheFaultPhaseFromLeaderAvailability() {
        Fake c = new Fake();
        LivenessCheck l = new LivenessCheck(c, TICK, false);
        l.topologyChanged(0);
        assertThatCode(() -> l.check(10_000 * TICK)).doesNotThrowAnyException();
        l.faultsStopped(10_000 * TICK);
        assertThatThrownBy(() -> l.check((10_000 + LivenessCheck.LEADERLESS_BOUND_TICKS + 1) * TICK))
                .hasMessageContaining("LeaderAvailability");
    }

    /**
     * A partition of every server lasting 100 s: the old cap of the horizon plus 60 s of simulated time failed such a
     * run (and any run longer than about 1,100 s, like --ops 130000) as Liveness; now the run waits for the faults
     * to stop and the liveness phase bounds what follows.
     */
    @Test
    void aRunOutlastingTheOldCapOfSimulatedTimeCompletesAfterTheFaultsStop() {
        String cutAll = "part:0:100000000:n1-n2.n2-n1.n1-n3.n3-n1.n2-n3.n3-n2";
        SimResult r = new Simulator(SimConfig.builder().seed(2).nodes(3).build(),
                ScheduleText.decode("ops=20/types=none/" + cutAll, 3)).run();
        assertThat(r.passed()).as(r.summary()).isTrue();
        assertThat(r.simMicros()).isGreaterThan(100_000_000L);
        // the liveness phase starts when the last message sent before has arrived (at most 5 ms later)
        assertThat(r.liveness().quietAt()).isBetween(100_000_000L, 100_005_000L);
        assertThat(r.liveness().leaderAfterQuiet()).isBetween(0L, (long) LivenessCheck.LEADER_BOUND_TICKS);
        assertThat(r.summary()).contains("ticks after the faults stopped");
    }

    @Test
    void everyRunReportsItsLivenessPhase() {
        SimResult r = Simulator.run(SimConfig.builder().seed(11).nodes(5).build(), 600, EnumSet.allOf(FaultType.class));
        assertThat(r.passed()).as(r.summary()).isTrue();
        assertThat(r.liveness().quietAt()).isGreaterThanOrEqualTo(Schedule.horizon(600));
        assertThat(r.liveness().longestLeaderless()).isLessThanOrEqualTo(LivenessCheck.LEADERLESS_BOUND_TICKS);
    }

    @Test
    void aLongRunOfManyOperationsPassesLiveness() {
        boolean slow = "slow".equals(System.getProperty("dsverify.tier", "quick"));
        int ops = slow ? 130_000 : 5_000;
        SimResult r = Simulator.run(SimConfig.builder().seed(1).nodes(3).build(), ops, EnumSet.allOf(FaultType.class));
        assertThat(r.passed()).as(r.summary()).isTrue();
        assertThat(r.opsCompleted()).isEqualTo(ops);
    }
}
