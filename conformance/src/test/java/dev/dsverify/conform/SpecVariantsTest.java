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

    @Test
    void anActionWithoutADriverIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Conformance.run(new ConformOptions(Specs.resource("extra/RaftExtraAction.tla"),
                "raft.quick", false, 1, 5, 1, dev.dsverify.raft.core.Bugs.NONE)))
                .isInstanceOf(UnmappedActionException.class)
                .hasMessageContaining("conform does not know how to drive action ForgetCommit");
    }

    @Test
    void anUnknownModelIsNamed() {
        assertThatThrownBy(() -> Conformance.run(Specs.walks("raft.nosuch", 1, 1, 1, "none")))
                .isInstanceOf(SpecLoadException.class)
                .hasMessageContaining("unknown model 'raft.nosuch'").hasMessageContaining("raft.quick");
    }
}
