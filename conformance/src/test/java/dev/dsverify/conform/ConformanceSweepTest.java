package dev.dsverify.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Raft core follows Raft.tla along random walks of the quick and the full model. */
class ConformanceSweepTest {
    @Test
    void theCoreFollowsRandomWalksOfTheQuickModel() throws Exception {
        ConformResult r = Conformance.run(Specs.walks("raft.quick", 10, 30, 7, "none"));
        assertThat(r.failure()).isNull();
        assertThat(r.conforms()).isTrue();
        assertThat(r.steps()).isGreaterThanOrEqualTo(250);
        // every action the quick model allows was driven; its bounds allow no fault
        assertThat(r.coverage().enabledNotDriven()).isEmpty();
        assertThat(r.coverage().neverEnabled()).containsExactlyInAnyOrder("Restart", "DropMessage", "DuplicateMessage",
                "CompactLog", "InstallSnapshot", "HandleInstallSnapshotRequest", "HandleInstallSnapshotResponse",
                "PreVote", "RequestPreVote", "HandlePreVoteRequest", "HandlePreVoteResponse", "CheckQuorum");
        assertThat(r.coverage().statesTotal()).isNull();
        // the code was offered the steps the spec did not enable, and refused them: a server that is no candidate
        // asks for no vote, a leader's election timer does not fire, a follower does not take office
        assertThat(r.coverage().refused()).containsKeys("Timeout", "RequestVote", "BecomeLeader", "AdvanceCommitIndex",
                "CheckQuorum").allSatisfy((a, n) -> assertThat(n).as(a).isPositive());
    }

    @Test
    void theCoreFollowsRandomWalksWithCrashesLossAndDuplicates() throws Exception {
        ConformResult r = Conformance.run(Specs.walks("raft.full", 4, 50, 3, "none"));
        assertThat(r.failure()).isNull();
        assertThat(r.steps()).isGreaterThanOrEqualTo(150);
        assertThat(r.coverage().actions().get("Restart")).isPositive();
        assertThat(r.coverage().actions().get("DropMessage") + r.coverage().actions().get("DuplicateMessage")).isPositive();
    }

    @Test
    void theCoreFollowsCompactionAndInstallSnapshot() throws Exception {
        ConformResult r = Conformance.run(Specs.walks("raft.snapshot.quick", 30, 46, 5, "none"));
        assertThat(r.failure()).isNull();
        Map<String, Long> a = r.coverage().actions();
        assertThat(a.get("CompactLog")).isPositive();
        assertThat(a.get("InstallSnapshot")).isPositive();
        assertThat(a.get("HandleInstallSnapshotRequest")).isPositive();
        assertThat(a.get("HandleInstallSnapshotResponse")).isPositive();
        assertThat(a.get("Restart")).isPositive();
        assertThat(r.coverage().refused()).containsKey("InstallSnapshot");
    }

    @Test
    void theCoreFollowsPreVote() throws Exception {
        ConformResult r = Conformance.run(Specs.walks("raft.prevote.quick", 20, 50, 3, "none"));
        assertThat(r.failure()).isNull();
        Map<String, Long> a = r.coverage().actions();
        for (String action : List.of("PreVote", "RequestPreVote", "HandlePreVoteRequest", "HandlePreVoteResponse",
                "Timeout", "BecomeLeader")) {
            assertThat(a.get(action)).as(action).isPositive();
        }
        assertThat(r.coverage().refused()).containsKeys("PreVote", "RequestPreVote", "Timeout");
    }

    @Test
    void theCoreFollowsCheckQuorum() throws Exception {
        ConformResult r = Conformance.run(Specs.walks("raft.checkquorum.quick", 20, 40, 2, "none"));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().actions().get("CheckQuorum")).isPositive();
        assertThat(r.coverage().actions().get("DropMessage")).isPositive();
    }

    @Test
    void theSameSeedTakesTheSameWalks() throws Exception {
        ConformResult a = Conformance.run(Specs.walks("raft.quick", 3, 20, 11, "none"));
        ConformResult b = Conformance.run(Specs.walks("raft.quick", 3, 20, 11, "none"));
        ConformResult c = Conformance.run(Specs.walks("raft.quick", 3, 20, 12, "none"));
        assertThat(b.coverage().actions()).isEqualTo(a.coverage().actions());
        assertThat(b.coverage().statesVisited()).isEqualTo(a.coverage().statesVisited());
        assertThat(c.coverage().actions()).isNotEqualTo(a.coverage().actions());
    }
}
