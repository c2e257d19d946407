package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The Ready contract: no input between ready() and advance(), and advance() makes durable only what its Ready carried. */
class ReadyContractTest {

    private static byte[] cmd(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-server cluster whose leader has committed its no-op: it commits on its own durable entries. */
    private static RaftNode soleLeader(TestCluster c) {
        c.electionTimeout("n1");
        RaftNode n1 = c.node("n1");
        assertThat(n1.role()).isEqualTo(Role.Leader);
        assertThat(n1.commitIndex()).isEqualTo(1);
        return n1;
    }

    private static void refused(ThrowingCallable input) {
        assertThatThrownBy(input).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("between ready() and advance()").hasMessageContaining("Ready contract");
    }

    @Test
    void aProposalSlippedBetweenReadyAndAdvanceIsRefusedAndNeverMarkedDurable() {
        TestCluster c = new TestCluster(1);
        RaftNode n1 = soleLeader(c);
        n1.propose(cmd("a"));
        Ready rd = n1.ready();
        assertThat(rd.entries()).extracting(Entry::value).containsExactly("a");
        refused(() -> n1.propose(cmd("b")));
        n1.advance(rd);
        // Only "a" was persisted by the driver: only "a" may count towards a commit.
        assertThat(n1.lastIndex()).isEqualTo(2);
        assertThat(n1.commitIndex()).isEqualTo(2);
        assertThat(n1.hasReady()).isTrue(); // "a" is still to be applied
        c.drain("n1");
        assertThat(n1.propose(cmd("b"))).isEqualTo(3);
        assertThat(n1.commitIndex()).as("b is not durable before its own Ready").isEqualTo(2);
        c.drain("n1");
        assertThat(n1.commitIndex()).isEqualTo(3);
    }

    @Test
    void everyInputBetweenReadyAndAdvanceIsRefused() {
        TestCluster c = new TestCluster(3);
        RaftNode n1 = c.node("n1");
        n1.step(new RequestVoteRequest("n2", "n1", 1, 0, 0, 0));
        Ready rd = n1.ready();
        refused(n1::tick);
        refused(() -> n1.step(new RequestVoteRequest("n3", "n1", 1, 0, 0, 0)));
        refused(() -> n1.propose(cmd("x")));
        refused(() -> n1.readIndex(7));
        refused(() -> n1.compact(1, new byte[0]));
        assertThatThrownBy(n1::ready).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before advance()");
        // The refused inputs changed nothing: the one vote stands and nothing more is waiting.
        n1.advance(rd);
        assertThat(n1.votedFor()).isEqualTo("n2");
        assertThat(n1.hasReady()).isFalse();
        n1.tick(); // accepted again
    }

    @Test
    void advanceTakesOnlyTheReadyThatReadyReturned() {
        TestCluster c = new TestCluster(3);
        RaftNode n1 = c.node("n1");
        n1.step(new RequestVoteRequest("n2", "n1", 1, 0, 0, 0));
        Ready forged = new Ready(new HardState(1, "n2"), 0, List.of(), List.of(), List.of(), 1, List.of(), null);
        assertThatThrownBy(() -> n1.advance(forged)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without ready()");
        Ready rd = n1.ready();
        assertThatThrownBy(() -> n1.advance(forged)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("other than the one ready() returned");
        n1.advance(rd);
        assertThat(n1.hasReady()).isFalse();
    }

    @Test
    void theStableIndexComesFromTheReadysEntries() {
        // A follower receives two entries, persists them, then a conflicting leader cuts one: the cut Ready
        // carries the truncation and the replacement, and only that becomes stable.
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        n2.step(new AppendEntriesRequest("n1", "n2", 1, 0, 0, 0, List.of(Entry.of(1, "a"), Entry.of(1, "b")), 0, 0));
        Ready first = n2.ready();
        assertThat(first.entriesFrom()).isEqualTo(1);
        assertThat(first.entries()).hasSize(2);
        n2.advance(first);
        n2.step(new RequestVoteRequest("n3", "n2", 2, 0, 1, 1)); // term 2, n3's log is not up to date: no vote
        n2.step(new AppendEntriesRequest("n3", "n2", 2, 0, 1, 1, List.of(Entry.of(2, "c")), 0, 0));
        Ready second = n2.ready();
        assertThat(second.entriesFrom()).isEqualTo(2);
        assertThat(second.entries()).extracting(Entry::value).containsExactly("c");
        n2.advance(second);
        assertThat(n2.hasReady()).isFalse();
        assertThat(n2.lastIndex()).isEqualTo(2);
    }
}
