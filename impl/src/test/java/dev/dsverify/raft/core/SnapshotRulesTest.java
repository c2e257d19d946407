package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.TraceBuffer;
import dev.dsverify.raft.trace.TraceEvent;
import dev.dsverify.raft.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log compaction and InstallSnapshot in the core (the spec's CompactLog, InstallSnapshot and their handling). */
class SnapshotRulesTest {

    @Test
    void aFollowerBehindTheLeadersSnapshotReceivesTheSnapshotAndThenTheRest() {
        TestCluster c = new TestCluster(3);
        c.elect("n1");
        RaftNode n1 = c.node("n1");
        for (int i = 0; i < 10; i++) {
            n1.propose(("v" + i).getBytes(StandardCharsets.UTF_8));
            c.drain("n1");
            c.deliverWhile(m -> !m.to().equals("n3") && !m.from().equals("n3"));
        }
        c.inFlight.clear();
        n1.tick();
        c.drain("n1");
        c.deliverWhile(m -> !m.to().equals("n3") && !m.from().equals("n3"));
        long applied = n1.appliedIndex();
        assertThat(applied).isEqualTo(11);
        n1.compact(8, new byte[] {42});
        assertThat(n1.snapshotIndex()).isEqualTo(8);
        assertThat(n1.lastIndex()).isEqualTo(11);
        assertThat(n1.term(8)).isEqualTo(1);
        // n3 reconnects: its nextIndex falls to the snapshot, which it installs, then it catches up.
        for (int t = 0; t < 30; t++) {
            n1.tick();
            c.drain("n1");
            c.deliverAll();
        }
        RaftNode n3 = c.node("n3");
        assertThat(n3.snapshotIndex()).isEqualTo(8);
        assertThat(n3.snapshot().data()).containsExactly(42);
        assertThat(n3.lastIndex()).isEqualTo(11);
        assertThat(n3.commitIndex()).isEqualTo(11);
        assertThat(c.appliedBy.get("n3")).extracting(Entry::value).containsExactly("v7", "v8", "v9");
    }

    @Test
    void compactionKeepsTheEntriesAfterTheSnapshotAndTheirTerms() {
        TestCluster c = new TestCluster(1);
        c.electionTimeout("n1");
        RaftNode n1 = c.node("n1");
        for (int i = 0; i < 5; i++) {
            n1.propose(("v" + i).getBytes(StandardCharsets.UTF_8));
            c.drain("n1");
        }
        n1.compact(3, new byte[0]);
        assertThat(n1.log()).extracting(Entry::value).containsExactly("v2", "v3", "v4");
        assertThat(n1.entry(4).value()).isEqualTo("v2");
        n1.propose("v5".getBytes(StandardCharsets.UTF_8));
        c.drain("n1");
        assertThat(n1.commitIndex()).isEqualTo(7);
    }

    /**
     * A request of the candidate's term whose entries its snapshot covers entirely is accepted like any other:
     * the candidate steps down and the step is a traced HandleAppendEntriesRequest (it was answered silently).
     */
    @Test
    void aCandidateAcceptingARequestItsSnapshotCoversStepsDownAndTracesIt() {
        TraceBuffer buf = new TraceBuffer();
        RaftConfig cfg = new RaftConfig("n2", List.of("n1", "n2", "n3"), 10, 3, 7, Bugs.NONE);
        RaftNode n2 = RaftNode.restart(cfg, new HardState(1, null), new Snapshot(3, 1, new byte[0]), List.of(),
                new Tracer("n2", buf));
        TraceEvent restart = buf.events().get(0);
        assertThat(restart.event()).isEqualTo(EventType.Restart);
        assertThat(restart.state().commitIndex()).isEqualTo(3);
        assertThat(restart.state().snapshotIndex()).isEqualTo(3);
        while (n2.role() != Role.Candidate) {
            n2.tick();
        }
        n2.advance(n2.ready());
        AppendEntriesRequest req = new AppendEntriesRequest("n1", "n2", n2.currentTerm(), 100, 1, 1,
                List.of(Entry.of(1, "x"), Entry.of(1, "y")), 3, 0);
        n2.step(req);
        assertThat(n2.role()).isEqualTo(Role.Follower);
        TraceEvent e = buf.events().get(buf.events().size() - 1);
        assertThat(e.event()).isEqualTo(EventType.HandleAppendEntriesRequest);
        assertThat(e.state().role()).isEqualTo(Role.Follower);
        assertThat(e.state().log()).isNull();
        assertThat(((AppendEntriesResponse) e.reply()).success()).isTrue();
        assertThat(((AppendEntriesResponse) e.reply()).matchIndex()).isEqualTo(3);
    }
}
