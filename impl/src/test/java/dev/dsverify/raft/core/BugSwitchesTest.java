package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.trace.TraceSink;
import dev.dsverify.raft.trace.Tracer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each deliberate bug really changes behaviour (otherwise the checkers' tests would prove nothing). */
class BugSwitchesTest {

    private static Bugs only(String name) {
        return Bugs.parse(name);
    }

    @Test
    void doubleVoteGrantsASecondVoteInOneTerm() {
        TestCluster c = new TestCluster(3, only("double-vote"));
        RaftNode n3 = c.node("n3");
        n3.step(RequestVoteRequest.builder().from("n1").to("n3").term(1).build());
        n3.step(RequestVoteRequest.builder().from("n2").to("n3").term(1).build());
        c.drain("n3");
        assertThat(c.inFlight).extracting(m -> ((RequestVoteResponse) m).voteGranted()).containsExactly(true, true);
    }

    @Test
    void skipPrevLogCheckAcceptsAMismatchedPrefix() {
        TestCluster c = new TestCluster(3, only("skip-prevlog-check"));
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).entries(Entry.of(1, "a")).build());
        n2.step(AppendEntriesRequest.builder().from("n3").to("n2").term(2).prevLog(1, 2)
                .entries(Entry.of(2, "b")).build());
        assertThat(n2.log()).containsExactly(Entry.of(1, "a"), Entry.of(2, "b"));
    }

    @Test
    void commitBackwardsLowersCommitIndex() {
        TestCluster c = new TestCluster(3, only("commit-backwards"));
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).entries(Entry.of(1, "a"), Entry.of(1, "b"))
                .commitIndex(2).build());
        assertThat(n2.commitIndex()).isEqualTo(2);
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).entries(Entry.of(1, "a"))
                .commitIndex(1).build());
        assertThat(n2.commitIndex()).isEqualTo(1);
    }

    @Test
    void forgetVoteClearsTheVoteOnRestart() {
        RaftConfig cfg = new RaftConfig("n1", List.of("n1", "n2", "n3"), 10, 1, 1, only("forget-vote"));
        RaftNode n = RaftNode.restart(cfg, new HardState(3, "n2"), List.of(), new Tracer("n1", TraceSink.OFF));
        assertThat(n.votedFor()).isNull();
    }

    @Test
    void commitOldTermCommitsAnEarlierTermEntryByCounting() {
        TestCluster c = new TestCluster(3, only("commit-old-term"));
        RaftNode n1 = c.node("n1");
        n1.step(AppendEntriesRequest.builder().from("n9").to("n1").term(1).entries(Entry.of(1, "old")).build());
        n1.step(RequestVoteRequest.builder().from("n2").to("n1").term(2).build());
        c.drain("n1");
        c.inFlight.clear();
        c.electionTimeout("n1");
        c.deliverWhile(m -> !(m instanceof AppendEntriesRequest));
        c.inFlight.clear();
        n1.step(AppendEntriesResponse.builder().from("n2").to("n1").term(3).success(true).matchIndex(1).build());
        assertThat(n1.commitIndex()).isEqualTo(1);
    }

    @Test
    void parseRejectsUnknownNamesWithTheListOfValidOnes() {
        assertThatThrownBy(() -> Bugs.parse("nope")).hasMessageContaining("double-vote");
        assertThat(Bugs.parse("none")).isEqualTo(Bugs.NONE);
        assertThat(Bugs.parse("double-vote,forget-vote").toString()).isEqualTo("double-vote,forget-vote");
    }
}
