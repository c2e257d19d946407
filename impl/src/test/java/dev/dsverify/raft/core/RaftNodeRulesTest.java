package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.TraceEvent;
import dev.dsverify.raft.trace.Tracer;
import dev.dsverify.raft.trace.TraceSink;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per rule of the Raft paper (Figure 2 and sections 5.2-5.4, 6.4, 8). */
class RaftNodeRulesTest {

    private static byte[] cmd(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rule_electionTimeoutsAreRandomisedBetweenTAnd2T() {
        Set<Integer> timeouts = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            RaftNode n = RaftNode.start(new RaftConfig("n1", List.of("n1", "n2", "n3"), 10, 1, seed, Bugs.NONE),
                    new Tracer("n1", TraceSink.OFF));
            int ticks = 0;
            while (n.role() == Role.Follower) {
                n.tick();
                ticks++;
            }
            assertThat(ticks).isBetween(10, 19);
            timeouts.add(ticks);
        }
        assertThat(timeouts).hasSizeGreaterThan(3);
    }

    @Test
    void rule_onTimeoutACandidateIncrementsTermVotesForItselfAndAsksEveryPeer() {
        TestCluster c = new TestCluster(3);
        c.electionTimeout("n1");
        RaftNode n1 = c.node("n1");
        assertThat(n1.role()).isEqualTo(Role.Candidate);
        assertThat(n1.currentTerm()).isEqualTo(1);
        assertThat(n1.votedFor()).isEqualTo("n1");
        assertThat(c.inFlight).hasSize(2).allMatch(m -> m instanceof RequestVoteRequest && m.term() == 1);
        assertThat(c.events()).extracting(TraceEvent::event)
                .containsExactly(EventType.Timeout, EventType.RequestVote, EventType.RequestVote);
    }

    @Test
    void rule_aServerVotesForAtMostOneCandidatePerTerm() {
        TestCluster c = new TestCluster(3);
        RaftNode n3 = c.node("n3");
        n3.step(RequestVoteRequest.builder().from("n1").to("n3").term(1).build());
        n3.step(RequestVoteRequest.builder().from("n2").to("n3").term(1).build());
        c.drain("n3");
        assertThat(c.inFlight).extracting(m -> ((RequestVoteResponse) m).voteGranted()).containsExactly(true, false);
        assertThat(n3.votedFor()).isEqualTo("n1");
    }

    @Test
    void rule_aVoteIsGrantedOnlyToACandidateWhoseLogIsAtLeastAsUpToDate() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        c.node("n1").propose(cmd("x"));
        c.drain("n1");
        c.deliverAll();
        RaftNode n2 = c.node("n2");
        assertThat(n2.lastIndex()).isEqualTo(2);
        // n3 is given a shorter log of the same last term: its request must be refused.
        n2.step(RequestVoteRequest.builder().from("n3").to("n2").term(5).lastLogTerm(1).lastLogIndex(1).build());
        c.drain("n2");
        RequestVoteResponse resp = (RequestVoteResponse) c.inFlight.get(c.inFlight.size() - 1);
        assertThat(resp.voteGranted()).isFalse();
        // A higher last term wins even with a shorter log.
        n2.step(RequestVoteRequest.builder().from("n3").to("n2").term(5).lastLogTerm(2).lastLogIndex(1).build());
        c.drain("n2");
        assertThat(((RequestVoteResponse) c.inFlight.get(c.inFlight.size() - 1)).voteGranted()).isTrue();
    }

    @Test
    void rule_aCandidateWithVotesFromAMajorityBecomesLeaderAndAppendsANoop() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        RaftNode n1 = c.node("n1");
        assertThat(n1.role()).isEqualTo(Role.Leader);
        assertThat(n1.log()).containsExactly(new Entry(1, new byte[0]));
        List<EventType> types = c.events().stream().map(TraceEvent::event).toList();
        int decide = types.indexOf(EventType.HandleRequestVoteResponse);
        assertThat(types.get(decide + 1)).isEqualTo(EventType.BecomeLeader);
        assertThat(types.get(decide + 2)).isEqualTo(EventType.ClientRequest);
        assertThat(c.node("n2").role()).isEqualTo(Role.Follower);
        assertThat(c.node("n2").leaderId()).isEqualTo("n1");
    }

    @Test
    void rule_aServerSeeingAHigherTermAdoptsItAndStepsDownBeforeHandlingTheMessage() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        int before = c.events().size();
        RaftNode n1 = c.node("n1");
        n1.step(AppendEntriesResponse.builder().from("n2").to("n1").term(7).build());
        assertThat(n1.role()).isEqualTo(Role.Follower);
        assertThat(n1.currentTerm()).isEqualTo(7);
        assertThat(n1.votedFor()).isNull();
        List<TraceEvent> after = c.events().subList(before, c.events().size());
        assertThat(after).extracting(TraceEvent::event)
                .containsExactly(EventType.UpdateTerm, EventType.HandleAppendEntriesResponse);
        assertThat(after.get(0).msg()).isSameAs(after.get(1).msg());
    }

    @Test
    void rule_requestsOfAStaleTermAreRejectedWithTheCurrentTerm() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        c.electionTimeout("n2"); // n2 moves to term 2
        c.inFlight.clear();
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).prevLog(1, 1).build());
        c.drain("n2");
        AppendEntriesResponse r = (AppendEntriesResponse) c.inFlight.get(0);
        assertThat(r.success()).isFalse();
        assertThat(r.term()).isEqualTo(2);
        assertThat(r.matchIndex()).isZero();
    }

    @Test
    void rule_consistencyCheckRejectsAppendWhenPrevLogDoesNotMatch() {
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).prevLog(3, 1)
                .entries(Entry.of(1, "a")).build());
        c.drain("n2");
        AppendEntriesResponse r = (AppendEntriesResponse) c.inFlight.get(0);
        assertThat(r.success()).isFalse();
        assertThat(n2.lastIndex()).isZero();
    }

    @Test
    void rule_aConflictingEntryAndAllThatFollowItAreDeleted() {
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1)
                .entries(Entry.of(1, "a"), Entry.of(1, "b"), Entry.of(1, "c")).build());
        n2.step(AppendEntriesRequest.builder().from("n3").to("n2").term(2).prevLog(1, 1)
                .entries(Entry.of(2, "x")).build());
        assertThat(n2.log()).containsExactly(Entry.of(1, "a"), Entry.of(2, "x"));
        TraceEvent last = c.events().get(c.events().size() - 1);
        assertThat(last.state().log().from()).isEqualTo(2);
        assertThat(last.state().log().len()).isEqualTo(2);
    }

    @Test
    void rule_entriesAlreadyPresentAreKeptWhenAnOldRequestArrivesLate() {
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1)
                .entries(Entry.of(1, "a"), Entry.of(1, "b")).build());
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).entries(Entry.of(1, "a")).build());
        assertThat(n2.log()).containsExactly(Entry.of(1, "a"), Entry.of(1, "b"));
        assertThat(c.events().get(c.events().size() - 1).state().log()).isNull();
    }

    @Test
    void rule_aFollowerSetsCommitIndexToMinOfLeaderCommitAndLastNewEntry() {
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1)
                .entries(Entry.of(1, "a"), Entry.of(1, "b"), Entry.of(1, "c")).build());
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).entries(Entry.of(1, "a"))
                .commitIndex(3).build());
        assertThat(n2.commitIndex()).isEqualTo(1);
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).prevLog(3, 1).commitIndex(3).build());
        assertThat(n2.commitIndex()).isEqualTo(3);
        // A late request with a lower commit index never moves it back.
        n2.step(AppendEntriesRequest.builder().from("n1").to("n2").term(1).entries(Entry.of(1, "a"))
                .commitIndex(1).build());
        assertThat(n2.commitIndex()).isEqualTo(3);
    }

    @Test
    void rule_aLeaderCommitsOnlyEntriesOfItsCurrentTermByCountingReplicas() {
        // n1 holds an entry of term 1 nobody else has; it is re-elected in term 3 (figure 8 situation).
        TestCluster c = new TestCluster(3);
        RaftNode n1 = c.node("n1");
        n1.step(AppendEntriesRequest.builder().from("n9").to("n1").term(1).entries(Entry.of(1, "old")).build());
        n1.step(RequestVoteRequest.builder().from("n2").to("n1").term(2).build()); // moves n1 to term 2
        c.drain("n1");
        c.inFlight.clear();
        c.electionTimeout("n1"); // term 3
        // Votes arrive, but replication responses are withheld except an ack of the old entry only.
        c.deliverWhile(m -> !(m instanceof AppendEntriesRequest));
        assertThat(n1.role()).isEqualTo(Role.Leader);
        c.inFlight.clear();
        n1.step(AppendEntriesResponse.builder().from("n2").to("n1").term(3).success(true).matchIndex(1).build());
        assertThat(n1.commitIndex()).as("an old-term entry is not committed by counting").isZero();
        n1.step(AppendEntriesResponse.builder().from("n2").to("n1").term(3).success(true).matchIndex(2).build());
        c.drain("n1");
        assertThat(n1.commitIndex()).as("the current-term no-op commits, and the old entry with it").isEqualTo(2);
        assertThat(c.events()).extracting(TraceEvent::event).contains(EventType.AdvanceCommitIndex);
    }

    @Test
    void rule_aRejectedAppendDecrementsNextIndexByOneAndRetries() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        RaftNode n1 = c.node("n1");
        long next = n1.nextIndex().get("n2");
        c.inFlight.clear();
        n1.step(AppendEntriesResponse.builder().from("n2").to("n1").term(1).build());
        c.drain("n1");
        assertThat(n1.nextIndex().get("n2")).isEqualTo(next - 1);
        assertThat(c.inFlight).singleElement().isInstanceOf(AppendEntriesRequest.class)
                .extracting(m -> ((AppendEntriesRequest) m).prevLogIndex()).isEqualTo(next - 2);
    }

    @Test
    void rule_aLeaderSendsHeartbeatsToPreventElections() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        for (int t = 0; t < 200; t++) {
            for (String id : c.ids) {
                c.node(id).tick();
                c.drain(id);
            }
            c.deliverAll();
        }
        assertThat(c.node("n1").role()).isEqualTo(Role.Leader);
        assertThat(c.node("n1").currentTerm()).isEqualTo(1);
        assertThat(c.node("n2").currentTerm()).isEqualTo(1);
    }

    @Test
    void rule_aCandidateReturnsToFollowerOnAppendEntriesOfItsTerm() {
        TestCluster c = new TestCluster(3);
        c.electionTimeout("n2");
        RaftNode n2 = c.node("n2");
        n2.step(AppendEntriesRequest.builder().from("n3").to("n2").term(1).build());
        assertThat(n2.role()).isEqualTo(Role.Follower);
        assertThat(c.events().get(c.events().size() - 1).state().role()).isEqualTo(Role.Follower);
    }

    @Test
    void rule_committedEntriesAreAppliedInOrderOnEveryServer() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        for (String s : List.of("a", "b", "c")) {
            c.node("n1").propose(cmd(s));
            c.drain("n1");
            c.deliverAll();
        }
        for (int t = 0; t < 3; t++) { // heartbeats carry the commit index to followers
            c.node("n1").tick();
            c.drain("n1");
            c.deliverAll();
        }
        for (String id : c.ids) {
            assertThat(c.appliedBy.get(id)).extracting(Entry::value).containsExactly("", "a", "b", "c");
        }
    }

    @Test
    void rule_aReadIndexIsConfirmedOnlyAfterAMajorityAcknowledgesTheLeader() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        RaftNode n1 = c.node("n1");
        assertThat(n1.commitIndex()).isEqualTo(1);
        n1.readIndex(42);
        c.drain("n1");
        assertThat(c.reads).isEmpty();
        c.deliverAll();
        assertThat(c.reads).containsExactly(new ReadState(42, 1, true));
        // A partitioned leader never confirms.
        n1.readIndex(43);
        c.drain("n1");
        c.inFlight.clear();
        assertThat(c.reads).hasSize(1);
        c.node("n2").readIndex(44);
        c.drain("n2");
        assertThat(c.reads.get(1)).isEqualTo(new ReadState(44, 0, false));
    }

    @Test
    void rule_aVoteIsPersistedInTheSameReadyAsTheResponseThatPromisesIt() {
        TestCluster c = new TestCluster(3);
        RaftNode n2 = c.node("n2");
        n2.step(RequestVoteRequest.builder().from("n1").to("n2").term(1).build());
        Ready rd = n2.ready();
        assertThat(rd.hardState()).isEqualTo(new HardState(1, "n1"));
        assertThat(rd.messages()).singleElement().isInstanceOf(RequestVoteResponse.class);
        n2.advance(rd);
        assertThat(n2.hasReady()).isFalse();
    }

    @Test
    void rule_aLeaderCountsItselfOnlyForDurableEntries() {
        TestCluster c = new TestCluster(1);
        RaftNode n1 = c.node("n1");
        c.electionTimeout("n1");
        assertThat(n1.role()).isEqualTo(Role.Leader);
        assertThat(n1.commitIndex()).isEqualTo(1); // committed once its Ready was acknowledged
        n1.propose(cmd("a"));
        assertThat(n1.commitIndex()).isEqualTo(1);
        c.drain("n1");
        assertThat(n1.commitIndex()).isEqualTo(2);
    }

    @Test
    void lamportClockJumpsPastTheSendersClockOnReceive() {
        TestCluster c = new TestCluster(3);
        for (int i = 0; i < 5; i++) {
            c.node("n1").tick();
        }
        c.elect("n1");
        for (TraceEvent e : c.events()) {
            if (e.msg() != null && e.msg().to().equals(e.node())) {
                assertThat(e.clock()).isGreaterThan(e.msg().clock());
            }
        }
        for (String id : c.ids) {
            long prev = 0;
            for (TraceEvent e : c.events()) {
                if (e.node().equals(id)) {
                    assertThat(e.clock()).isGreaterThan(prev);
                    prev = e.clock();
                }
            }
        }
    }

    @Test
    void restartKeepsDurableStateAndResetsVolatileState() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        RaftNode old = c.node("n1");
        RaftNode n = RaftNode.restart(old.config(), new HardState(old.currentTerm(), old.votedFor()), old.log(),
                old.tracer());
        assertThat(n.role()).isEqualTo(Role.Follower);
        assertThat(n.commitIndex()).isZero();
        assertThat(n.votedFor()).isEqualTo("n1");
        assertThat(n.log()).isEqualTo(old.log());
        TraceEvent e = c.events().get(c.events().size() - 1);
        assertThat(e.event()).isEqualTo(EventType.Restart);
        // the line says what was recovered, so a vote, term or entry lost before it was durable shows here
        assertThat(e.state().currentTerm()).isEqualTo(old.currentTerm());
        assertThat(e.state().votedForSet()).isTrue();
        assertThat(e.state().votedFor()).isEqualTo("n1");
        assertThat(e.state().log().len()).isEqualTo(old.lastIndex());
        assertThat(e.state().log().entries()).containsExactly(old.log().get(old.log().size() - 1));
    }
}
