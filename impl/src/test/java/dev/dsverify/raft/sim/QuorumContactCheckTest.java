package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check-quorum step-down property, fed by hand, and in runs with check-quorum on. */
class QuorumContactCheckTest {
    private static final int ELECTION = 10;

    private static QuorumContactCheck three() {
        return new QuorumContactCheck(List.of("n1", "n2", "n3"), ELECTION);
    }

    @Test
    void aLeaderThatHearsFromNobodyForTwoElectionTimeoutsAndStillLeadsFailsCheckQuorum() {
        QuorumContactCheck q = three();
        for (int t = 1; t < 2 * ELECTION; t++) {
            q.ticked("n1", true, 4);
        }
        assertThatThrownBy(() -> q.ticked("n1", true, 4))
                .isInstanceOfSatisfying(InvariantViolation.class, v -> assertThat(v.property()).isEqualTo("CheckQuorum"))
                .hasMessageContaining("n1 still leads term 4 after 20 of its ticks as leader")
                .hasMessageContaining("heard from only 1 of 3 servers (itself included) in its last 20 ticks")
                .hasMessageContaining("{n2=never, n3=never}");
    }

    @Test
    void aLeaderHearingFromOnePeerOfTwoKeepsItsOfficeAndOneThatStepsDownInTimePasses() {
        QuorumContactCheck q = three();
        assertThatCode(() -> {
            for (int t = 0; t < 100; t++) {
                q.delivered("n1", "n2", 4, false, true, 4);
                q.ticked("n1", true, 4);
            }
        }).doesNotThrowAnyException();
        QuorumContactCheck cut = three();
        assertThatCode(() -> {
            for (int t = 1; t < 2 * ELECTION; t++) {
                cut.ticked("n1", true, 4);
            }
            cut.ticked("n1", false, 4);
            // leading again in a later term starts a new count
            for (int t = 1; t < 2 * ELECTION; t++) {
                cut.ticked("n1", true, 6);
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void onlyMessagesOfTheLeadersTermCountAndPreVotesNever() {
        QuorumContactCheck q = three();
        for (int t = 1; t < 2 * ELECTION; t++) {
            q.delivered("n1", "n2", 3, false, true, 4); // an older term's message
            q.delivered("n1", "n3", 4, true, true, 4);  // a pre-vote request carrying the leader's term
            q.ticked("n1", true, 4);
        }
        assertThatThrownBy(() -> q.ticked("n1", true, 4)).hasMessageContaining("heard from only 1 of 3");
    }

    @Test
    void contactOlderThanTwoElectionTimeoutsNoLongerCounts() {
        QuorumContactCheck q = three();
        q.delivered("n1", "n2", 4, false, true, 4);
        for (int t = 1; t <= 2 * ELECTION; t++) {
            q.ticked("n1", true, 4);
        }
        assertThatThrownBy(() -> q.ticked("n1", true, 4)).hasMessageContaining("n2=21 ticks ago");
    }

    @Test
    void runsWithCheckQuorumAndPartitionsKeepTheProperty() {
        for (long seed = 1; seed <= 3; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).checkQuorum(true).build();
            SimResult r = Simulator.run(cfg, 40, EnumSet.allOf(FaultType.class));
            assertThat(r.passed()).as(r.summary()).isTrue();
        }
    }
}
