package dev.dsverify.conform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each bug switch of the core makes conform fail at a named step. skip-prevlog-check and forget-vote need more
 * than the quick model has (a third term and two entries; a crash), so they run on raft.full.
 */
class InjectedBugsTest {
    private static Failure fails(String model, int walks, int depth, long seed, String bug) throws Exception {
        ConformResult r = Conformance.run(Specs.walks(model, walks, depth, seed, bug));
        assertThat(r.conforms()).as(bug + " is found").isFalse();
        return r.failure();
    }

    @Test
    void doubleVoteGrantsWhatTheSpecRefuses() throws Exception {
        Failure f = fails("raft.quick", 20, 40, 1, "double-vote");
        assertThat(f.kind()).isEqualTo(FailureKind.TAKES_STEP_DIFFERENTLY);
        assertThat(f.action()).startsWith("HandleRequestVoteRequest(RequestVoteRequest");
        assertThat(f.fields()).contains("messages").anyMatch(x -> x.startsWith("votedFor["));
        assertThat(f.reasons()).anyMatch(x -> x.contains("voteGranted spec FALSE, code TRUE"));
        assertThat(f.step()).isPositive();
    }

    @Test
    void commitOldTermCommitsWhereTheSpecCannot() throws Exception {
        Failure f = fails("raft.quick", 40, 40, 1, "commit-old-term");
        assertThat(f.kind()).isEqualTo(FailureKind.TAKES_FORBIDDEN_STEP);
        assertThat(f.action()).startsWith("AdvanceCommitIndex(");
        assertThat(f.fields()).singleElement().asString().startsWith("commitIndex[");
        // the spec's false guard, named as in its source: no index of the leader's term is on a majority
        assertThat(f.reasons().get(0)).contains("is not enabled here: `ok # {}` (Raft.tla line");
    }

    @Test
    void commitBackwardsLowersACommitIndex() throws Exception {
        Failure f = fails("raft.quick", 40, 40, 1, "commit-backwards");
        assertThat(f.kind()).isEqualTo(FailureKind.TAKES_STEP_DIFFERENTLY);
        assertThat(f.action()).startsWith("HandleAppendEntriesRequest(");
        assertThat(f.fields()).singleElement().asString().startsWith("commitIndex[");
    }

    @Test
    void skipPrevLogCheckAcceptsAConflictingRequest() throws Exception {
        Failure f = fails("raft.full", 20, 60, 1, "skip-prevlog-check");
        assertThat(f.kind()).isEqualTo(FailureKind.TAKES_STEP_DIFFERENTLY);
        assertThat(f.action()).startsWith("HandleAppendEntriesRequest(");
        assertThat(f.fields()).anyMatch(x -> x.startsWith("log[")).contains("messages");
    }

    @Test
    void forgetVoteLosesTheVoteInARestart() throws Exception {
        Failure f = fails("raft.full", 20, 60, 1, "forget-vote");
        assertThat(f.kind()).isEqualTo(FailureKind.TAKES_STEP_DIFFERENTLY);
        assertThat(f.action()).startsWith("Restart(");
        assertThat(f.fields()).singleElement().asString().startsWith("votedFor[");
    }

    @Test
    void theFailingStepEndsTheBehaviourShown() throws Exception {
        Failure f = fails("raft.quick", 20, 40, 1, "double-vote");
        // the spec's states up to the failing step, then the code's state after it
        assertThat(f.behaviour()).hasSize(f.step() + 2);
        assertThat(f.behaviour().get(0).label()).isEqualTo("Initial predicate");
        assertThat(f.behaviour().get(f.step()).label()).isEqualTo("spec: " + f.action());
        assertThat(f.behaviour().get(f.step() + 1).label()).isEqualTo("code after " + f.input());
    }
}
