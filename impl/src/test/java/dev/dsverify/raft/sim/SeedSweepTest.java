package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The seed sweep: many seeds with every fault type (crashes inside steps included), all must pass every
 * invariant and the linearizability check. The quick tier (default) runs 500 seeds of 300 operations plus
 * 200 seeds with the options (pre-vote, check-quorum, snapshots) on; -Pslow runs ten times as many seeds of
 * 1,000 operations.
 */
class SeedSweepTest {

    @Test
    void everySeedPassesWithEveryFaultType() {
        boolean slow = "slow".equals(System.getProperty("dsverify.tier", "quick"));
        int seeds = slow ? 5000 : 500;
        int ops = slow ? 1000 : 300;
        StringBuilder failures = new StringBuilder();
        Sweep.Summary s = Sweep.run(SimConfig.builder().seed(0).nodes(3)
                .tornWrites(true).build(), 1, seeds, ops, EnumSet.allOf(FaultType.class), r -> {
            if (!r.passed()) {
                failures.append(r.summary()).append('\n');
            }
        });
        System.out.printf("seed sweep: %d seeds x %d ops, %d passed, %d failed, %d unknown in %d ms%n", seeds, ops,
                s.passed(), s.failed(), s.unknown(), s.millis());
        assertThat(failures.toString()).isEmpty();
        assertThat(s.passed()).isEqualTo(seeds);
    }

    @Test
    void everySeedPassesWithPreVoteCheckQuorumAndSnapshots() {
        boolean slow = "slow".equals(System.getProperty("dsverify.tier", "quick"));
        int seeds = slow ? 2000 : 200;
        int ops = slow ? 1000 : 300;
        StringBuilder failures = new StringBuilder();
        SimConfig cfg = SimConfig.builder().seed(0).nodes(3)
                .preVote(true).checkQuorum(true).snapshotEvery(20).tornWrites(true).build();
        Sweep.Summary s = Sweep.run(cfg, 1, seeds, ops, EnumSet.allOf(FaultType.class), r -> {
            if (!r.passed()) {
                failures.append(r.summary()).append('\n');
            }
        });
        System.out.printf("seed sweep with options: %d seeds x %d ops, %d passed, %d failed, %d unknown in %d ms%n",
                seeds, ops, s.passed(), s.failed(), s.unknown(), s.millis());
        assertThat(failures.toString()).isEmpty();
        assertThat(s.passed()).isEqualTo(seeds);
    }
}
