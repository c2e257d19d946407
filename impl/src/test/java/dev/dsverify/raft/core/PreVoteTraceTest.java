package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** Pre-vote as Raft.tla has it: its own traced events, and no pre-vote phase outlives a won election. */
class PreVoteTraceTest {

    private static TestCluster cluster() {
        return new TestCluster(3, Bugs.NONE, cfg -> cfg.withPreVote(true));
    }

    /** Ticks {@code id} until its election timer fires (a pre-vote phase starts). */
    private static void timerFires(TestCluster c, String id) {
        RaftNode n = c.node(id);
        for (int i = 0; i < 100; i++) {
            int before = c.inFlight.size();
            n.tick();
            c.drain(id);
            if (c.inFlight.subList(before, c.inFlight.size()).stream().anyMatch(m -> m instanceof PreVoteRequest)) {
                return;
            }
        }
        throw new AssertionError(id + "'s election timer never fired");
    }

    /** Delivers the messages {@code which} selects (and those they cause), leaving the others in flight. */
    private static void deliver(TestCluster c, java.util.function.Predicate<Message> which) {
        for (int round = 0; round < 1000; round++) {
            Message m = c.inFlight.stream().filter(which).findFirst().orElse(null);
            if (m == null) {
                return;
            }
            c.inFlight.remove(m);
            c.node(m.to()).step(m);
            c.drain(m.to());
        }
    }

    @Test
    void anElectionWithPreVoteIsTracedStepByStep() {
        TestCluster c = cluster();
        timerFires(c, "n1");
        c.deliverAll();
        assertThat(c.node("n1").role()).isEqualTo(Role.Leader);
        assertThat(c.events()).extracting(TraceEvent::event).startsWith(EventType.PreVote, EventType.RequestPreVote,
                EventType.RequestPreVote, EventType.HandlePreVoteRequest);
        TraceEvent timeout = c.events().stream().filter(e -> e.event() == EventType.Timeout).findFirst().orElseThrow();
        assertThat(timeout.state().preCandidate()).as("the Timeout ends the pre-vote phase").isFalse();
        // no voter changed its term or vote when it answered
        assertThat(c.events()).filteredOn(e -> e.event() == EventType.HandlePreVoteRequest)
                .allSatisfy(e -> assertThat(e.state().currentTerm()).isNull());
    }

    @Test
    void aCandidateThatWinsWhileAskingForPreVotesAgainStaysLeaderWhenTheyArrive() {
        TestCluster c = cluster();
        timerFires(c, "n1");
        deliver(c, m -> m instanceof PreVoteRequest || m instanceof PreVoteResponse);
        RaftNode n1 = c.node("n1");
        assertThat(n1.role()).isEqualTo(Role.Candidate);
        // its vote requests are held back; its timer fires again: a pre-vote phase for term 2, still a candidate
        c.inFlight.removeIf(m -> m instanceof RequestVoteRequest && m.to().equals("n3"));
        timerFires(c, "n1");
        assertThat(n1.role()).isEqualTo(Role.Candidate);
        assertThat(n1.currentTerm()).isEqualTo(1);
        // n2's vote arrives: n1 leads term 1
        deliver(c, m -> m instanceof RequestVoteRequest || m instanceof RequestVoteResponse);
        assertThat(n1.role()).isEqualTo(Role.Leader);
        // then the pre-vote answers for term 2 (n3 heard from no leader yet): they must not make n1 time out
        deliver(c, m -> m instanceof PreVoteRequest || m instanceof PreVoteResponse);
        assertThat(c.events()).as("grants for term 2 reached n1")
                .anyMatch(e -> e.event() == EventType.HandlePreVoteResponse && e.msg().term() == 2
                        && ((PreVoteResponse) e.msg()).voteGranted());
        assertThat(n1.role()).isEqualTo(Role.Leader);
        assertThat(n1.currentTerm()).isEqualTo(1);
    }
}
