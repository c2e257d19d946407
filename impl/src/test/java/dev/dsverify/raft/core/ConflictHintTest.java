package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rejection hint (Raft.tla's ConflictHint at the follower, BacktrackHint at the leader): a follower says where
 * its log may first disagree, and the leader moves nextIndex back to there, past a whole term at once.
 */
class ConflictHintTest {

    private static AppendEntriesResponse lastResponse(TestCluster c) {
        return (AppendEntriesResponse) c.inFlight.get(c.inFlight.size() - 1);
    }

    /** n2 holds [1:a 1:b 2:c 2:d]: two entries of term 1 from n1, two of term 2 from n3. */
    private static TestCluster followerWithTwoTerms() {
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1)
                .entries(Entry.of(1, "a"), Entry.of(1, "b")).build());
        n2.step(AppendEntriesRequest.builder().from("n3").to("n2").term(2).prevLog(2, 1)
                .entries(Entry.of(2, "c"), Entry.of(2, "d")).build());
        c.drain("n2");
        assertThat(n2.lastIndex()).isEqualTo(4);
        return c;
    }

    @Test
    void aConflictingEntryNamesItsTermAndTheFirstIndexOfThatTerm() {
        TestCluster c = followerWithTwoTerms();
        c.node("n2").step(AppendEntriesRequest.builder().from("n1").to("n2").term(3).prevLog(4, 3).build());
        c.drain("n2");
        AppendEntriesResponse r = lastResponse(c);
        assertThat(r.success()).isFalse();
        assertThat(r.conflictTerm()).isEqualTo(2);
        assertThat(r.conflictIndex()).isEqualTo(3);
    }

    @Test
    void aMissingEntryPointsJustPastTheFollowersLog() {
        TestCluster c = followerWithTwoTerms();
        c.node("n2").step(AppendEntriesRequest.builder().from("n1").to("n2").term(3).prevLog(9, 3).build());
        c.drain("n2");
        AppendEntriesResponse r = lastResponse(c);
        assertThat(r.success()).isFalse();
        assertThat(r.conflictTerm()).isZero();
        assertThat(r.conflictIndex()).isEqualTo(5);
    }

    @Test
    void aStaleRequestWhoseCheckWouldPassHintsNothing() {
        TestCluster c = followerWithTwoTerms();
        c.node("n2").step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).prevLog(2, 1).build());
        c.drain("n2");
        AppendEntriesResponse r = lastResponse(c);
        assertThat(r.success()).isFalse();
        assertThat(r.conflictTerm()).isZero();
        assertThat(r.conflictIndex()).isEqualTo(3);
        AppendEntriesResponse ok = AppendEntriesResponse.builder().from("n2").to("n1").success(true).build();
        assertThat(ok.conflictIndex()).isZero();
        assertThat(ok.conflictTerm()).isZero();
    }

    private static void propose(TestCluster c, String id, String... values) {
        for (String v : values) {
            c.node(id).propose(v.getBytes(StandardCharsets.UTF_8));
        }
        c.drain(id);
        c.deliverAll();
    }

    /**
     * n1 leads term 3 with the log [1 1 1 2 2 2 3] (terms; led by n1, n2, then n1 again) and nextIndex 7 (its log's end at the election) for n2,
     * whose answers were lost; returns n1's nextIndex for n2 after a rejection with the given hint.
     */
    private static long nextIndexAfter(long conflictIndex, long conflictTerm) {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        propose(c, "n1", "a", "b");
        c.elect("n2");
        propose(c, "n2", "c", "d");
        c.electionTimeout("n1");
        c.deliverWhile(m -> !(m instanceof AppendEntriesRequest || m instanceof AppendEntriesResponse));
        RaftNode n1 = c.node("n1");
        assertThat(n1.role()).isEqualTo(Role.Leader);
        assertThat(n1.currentTerm()).isEqualTo(3);
        assertThat(n1.lastIndex()).isEqualTo(7);
        n1.step(AppendEntriesResponse.builder().from("n2").to("n1").term(3).success(false)
                .conflictIndex(conflictIndex).conflictTerm(conflictTerm).build());
        TraceEvent handled = c.events().stream().filter(e -> e.event() == EventType.HandleAppendEntriesResponse)
                .reduce((a, b) -> b).orElseThrow();
        return handled.state().nextIndex().get("n2");
    }

    @Test
    void theLeaderJumpsPastItsLastEntryOfTheConflictingTerm() {
        assertThat(nextIndexAfter(1, 1)).isEqualTo(4);
    }

    @Test
    void withoutAnEntryOfThatTermTheLeaderJumpsToTheFollowersConflictIndex() {
        assertThat(nextIndexAfter(3, 0)).isEqualTo(3);
        assertThat(nextIndexAfter(5, 9)).isEqualTo(5);
    }

    @Test
    void aHintThatIsNoFurtherBackStillMovesNextIndexOneStep() {
        assertThat(nextIndexAfter(2, 2)).as("past the last entry of term 2 is index 7, nextIndex was 7").isEqualTo(6);
        assertThat(nextIndexAfter(9, 0)).isEqualTo(6);
    }
}
