package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages no correct server sends are ignored before they change anything: a forged term cannot be persisted,
 * an index cannot overflow, and an answer from outside the configuration counts for nothing.
 */
class MalformedMessageTest {

    @Test
    void aRequestVoteWithTheLargestTermIsIgnoredAndNeverPersisted() {
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        int events = c.events().size();
        n2.step(new RequestVoteRequest("n1", "n2", Long.MAX_VALUE, 0, 0, 0));
        assertThat(n2.currentTerm()).isZero();
        assertThat(n2.votedFor()).isNull();
        assertThat(n2.hasReady()).as("nothing to persist or send").isFalse();
        assertThat(c.events()).hasSize(events);
    }

    @Test
    void theClusterStillElectsAndCommitsAfterAForgedTermReachedEveryServer() {
        TestCluster c = new TestCluster(3);
        for (String id : c.ids) {
            String other = id.equals("n1") ? "n2" : "n1";
            c.node(id).step(new RequestVoteRequest(other, id, Long.MAX_VALUE, 0, 0, 0));
            c.node(id).step(new AppendEntriesRequest(other, id, Long.MAX_VALUE, 0, 0, 0, List.of(), 0, 0));
        }
        c.elect("n1");
        RaftNode n1 = c.node("n1");
        assertThat(n1.role()).isEqualTo(Role.Leader);
        assertThat(n1.currentTerm()).isEqualTo(1);
        long index = n1.propose("x".getBytes(StandardCharsets.UTF_8));
        c.drain("n1");
        c.deliverAll();
        assertThat(n1.commitIndex()).isEqualTo(index);
    }

    @Test
    void indexesThatWouldOverflowAreIgnored() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        RaftNode n1 = c.node("n1");
        long match = n1.matchIndex().get("n2");
        long next = n1.nextIndex().get("n2");
        n1.step(new AppendEntriesResponse("n2", "n1", 1, 0, true, Long.MAX_VALUE, 0));
        assertThat(n1.matchIndex().get("n2")).isEqualTo(match);
        assertThat(n1.nextIndex().get("n2")).isEqualTo(next);
        RaftNode n2 = c.node("n2");
        long last = n2.lastIndex();
        n2.step(new AppendEntriesRequest("n1", "n2", 1, 0, Long.MAX_VALUE - 1, 1, List.of(Entry.of(1, "x")), 0, 0));
        n2.step(new AppendEntriesRequest("n1", "n2", 1, 0, -1, 0, List.of(Entry.of(1, "x")), 0, 0));
        assertThat(n2.lastIndex()).isEqualTo(last);
        assertThat(n2.hasReady()).isFalse();
    }

    @Test
    void votesFromOutsideTheConfigurationDoNotElect() {
        TestCluster c = new TestCluster(3);
        c.electionTimeout("n1");
        RaftNode n1 = c.node("n1");
        assertThat(n1.role()).isEqualTo(Role.Candidate);
        n1.step(new RequestVoteResponse("n8", "n1", n1.currentTerm(), 0, true));
        n1.step(new RequestVoteResponse("n9", "n1", n1.currentTerm(), 0, true));
        assertThat(n1.role()).isEqualTo(Role.Candidate);
        assertThat(n1.votesGranted()).containsExactly("n1");
    }

    @Test
    void aMessageForAnotherServerIsIgnored() {
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        n2.step(new RequestVoteRequest("n1", "n3", 5, 0, 0, 0));
        assertThat(n2.currentTerm()).isZero();
        assertThat(n2.hasReady()).isFalse();
    }
}
