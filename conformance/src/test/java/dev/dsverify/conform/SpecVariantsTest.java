package dev.dsverify.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.conform.drive.UnmappedActionException;
import dev.dsverify.trace.replay.SpecLoadException;
import org.junit.jupiter.api.Test;

/** Specs other than Raft.tla: a weaker one the code cannot follow, one with an action conform cannot drive. */
class SpecVariantsTest {
    @Test
    void aSpecWithoutTheElectionRestrictionAllowsVotesTheCodeRefuses() throws Exception {
        ConformResult r = Conformance.run(new ConformOptions(Specs.resource("weak/RaftWeakVote.tla"), "raft.quick",
                false, 40, 40, 1, dev.dsverify.raft.core.Bugs.NONE));
        assertThat(r.conforms()).isFalse();
        Failure f = r.failure();
        assertThat(f.kind()).isEqualTo(FailureKind.CANNOT_TAKE_STEP);
        assertThat(f.action()).startsWith("HandleRequestVoteRequest(RequestVoteRequest");
        assertThat(f.fields()).anyMatch(x -> x.startsWith("votedFor[")).contains("messages");
        // the report names the code's guard that the spec lacks
        assertThat(f.reasons()).anyMatch(x -> x.contains("at least as up to date")
                && x.contains("The spec's HandleRequestVoteRequest grants without this condition"));
    }

    /** The self-vote-twice mutant counts a candidate's own vote twice: it becomes leader on one vote. */
    @Test
    void aSpecThatElectsOnOneVoteAsksForAStepTheCodeRefuses() throws Exception {
        java.nio.file.Path model = Specs.raft().resolveSibling("mutants/MCRaftMutantSelfVoteTwice.cfg");
        ConformResult r = Conformance.run(Specs.exhaustive(Specs.raft(), model.toString()));
        Failure f = r.failure();
        assertThat(f).isNotNull();
        assertThat(f.kind()).isEqualTo(FailureKind.CANNOT_TAKE_STEP);
        assertThat(f.action()).matches("BecomeLeader\\(s\\d\\)");
        assertThat(f.input()).endsWith(".becomeLeaderNow()");
        assertThat(f.reasons()).anyMatch(x -> x.startsWith("the code refused the input"))
                .anyMatch(x -> x.contains("only with votes from a majority (2 of 3)"));
    }

    @Test
    void anActionWithoutADriverIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Conformance.run(new ConformOptions(Specs.resource("extra/RaftExtraAction.tla"),
                "raft.quick", false, 1, 5, 1, dev.dsverify.raft.core.Bugs.NONE)))
                .isInstanceOf(UnmappedActionException.class)
                .hasMessageContaining("conform does not know how to drive action ForgetCommit");
    }

    /** raft.liveness.quick's cfg is not named after its module (MCRaftLivenessQuick.cfg, MCRaftLiveness.tla). */
    @Test
    void aCatalogModelWhoseCfgIsNotNamedAfterItsModuleLoads() throws Exception {
        ConformResult r = Conformance.run(Specs.walks("raft.liveness.quick", 2, 15, 1, "none"));
        assertThat(r.failure()).isNull();
        assertThat(r.steps()).isPositive();
    }

    @Test
    void anUnknownModelIsNamed() {
        assertThatThrownBy(() -> Conformance.run(Specs.walks("raft.nosuch", 1, 1, 1, "none")))
                .isInstanceOf(SpecLoadException.class)
                .hasMessageContaining("unknown model 'raft.nosuch'").hasMessageContaining("raft.quick");
    }
}
