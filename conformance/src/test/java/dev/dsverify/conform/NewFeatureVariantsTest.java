package dev.dsverify.conform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.core.Bugs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Broken variants of Raft.tla's log compaction, pre-vote and rejection hint: conform names the step where the
 * code cannot follow them, which shows the new actions are driven and their variables and messages compared.
 */
class NewFeatureVariantsTest {
    private static Path mutant(String cfg) {
        return Specs.raft().resolveSibling("mutants/" + cfg);
    }

    /** CompactLimit <- CompactToLogEnd: a snapshot may cover an entry that is not committed; the code refuses. */
    @Test
    void aSnapshotOfAnUncommittedEntryIsAStepTheCodeCannotTake() throws Exception {
        ConformResult r = Conformance.run(new ConformOptions(Specs.raft(),
                mutant("MCRaftMutantCompactUncommitted.cfg").toString(), false, 30, 40, 1, Bugs.NONE));
        Failure f = r.failure();
        assertThat(f).isNotNull();
        assertThat(f.kind()).isEqualTo(FailureKind.CANNOT_TAKE_STEP);
        assertThat(f.action()).matches("CompactLog\\(s\\d\\)");
        assertThat(f.input()).contains(".compactNow(");
        assertThat(f.fields()).anyMatch(x -> x.startsWith("snapshotIndex["));
        assertThat(f.reasons()).anyMatch(x -> x.startsWith("the code refused the input"))
                .anyMatch(x -> x.contains("applies only committed ones")
                        && x.contains("The spec's CompactLog lets a snapshot cover an entry"));
    }

    /** CompactLimit <- CompactBehindCommit: offered the compaction up to its commit index, the code takes it. */
    @Test
    void aCompactionTheSpecDoesNotAllowIsOfferedAndTaken() throws Exception {
        ConformResult r = Conformance.run(new ConformOptions(Specs.raft(),
                Specs.resource("strict/MCRaftCompactBehind.cfg").toString(), false, 30, 46, 1, Bugs.NONE));
        Failure f = r.failure();
        assertThat(f).isNotNull();
        assertThat(f.kind()).isEqualTo(FailureKind.TAKES_FORBIDDEN_STEP);
        assertThat(f.action()).matches("CompactLog\\(s\\d, \\d\\)");
        // the logical log is the same, only its snapshot point moved
        assertThat(f.fields()).singleElement().asString().startsWith("snapshotIndex[");
        assertThat(f.reasons().get(0)).contains("is not enabled here").contains("beyond CompactLimit(i)");
    }

    /** VoteAfterPreVote <- PreVoteCastsVote: the spec records a granted pre-vote as a vote; the code does not. */
    @Test
    void aPreVoteRecordedAsAVoteIsAStepTheCodeTakesWithoutTheVote() throws Exception {
        ConformResult r = Conformance.run(new ConformOptions(Specs.raft(),
                mutant("MCRaftMutantPreVoteCastsVote.cfg").toString(), false, 30, 30, 1, Bugs.NONE));
        Failure f = r.failure();
        assertThat(f).isNotNull();
        assertThat(f.kind()).isEqualTo(FailureKind.CANNOT_TAKE_STEP);
        assertThat(f.action()).startsWith("HandlePreVoteRequest(PreVoteRequest");
        assertThat(f.fields()).singleElement().asString().startsWith("votedFor[");
        assertThat(f.reasons()).anyMatch(x -> x.contains("the code took HandlePreVoteRequest but refused what the"
                + " spec's step does: it left votedFor["));
    }

    /** HeardCounts <- HeardAnyTerm: the spec's leader counts a message of an earlier term as a sign of life. */
    @Test
    void aLeaderCountingMessagesOfAnyTermHearsFromMoreThanTheCode() throws Exception {
        ConformResult r = Conformance.run(new ConformOptions(Specs.raft(),
                mutant("MCRaftMutantCheckQuorumAnyTerm.cfg").toString(), false, 40, 40, 1, Bugs.NONE));
        Failure f = r.failure();
        assertThat(f).isNotNull();
        assertThat(f.kind()).isEqualTo(FailureKind.CANNOT_TAKE_STEP);
        assertThat(f.action()).startsWith("Handle");
        assertThat(f.fields()).singleElement().asString().startsWith("heardFrom[");
    }

    /** ConflictHint <- ProbeOneBack: the spec's rejection carries no hint; the code's carries one. */
    @Test
    void aRejectionWithoutTheHintDiffersInTheHintFields() throws Exception {
        ConformResult r = Conformance.run(new ConformOptions(Specs.raft(),
                Specs.resource("hint/MCRaftProbeOneBack.cfg").toString(), false, 40, 40, 1, Bugs.NONE));
        Failure f = r.failure();
        assertThat(f).isNotNull();
        assertThat(f.kind()).isEqualTo(FailureKind.TAKES_STEP_DIFFERENTLY);
        assertThat(f.action()).startsWith("HandleAppendEntriesRequest(AppendEntriesRequest");
        assertThat(f.fields()).containsExactly("messages");
        assertThat(f.reasons()).anyMatch(x -> x.contains("the message AppendEntriesResponse")
                && x.contains("conflictIndex spec "));
    }

    /** With the rejection hint as Raft.tla has it, the same walks conform: the hint is the code's. */
    @Test
    void theHintOfRaftTlaIsTheCodes() throws Exception {
        ConformResult r = Conformance.run(Specs.walks("raft.quick", 40, 40, 1, "none"));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().actions().get("HandleAppendEntriesRequest")).isPositive();
    }
}
