package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dsverify.raft.trace.EventType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AppendEntries carry bounded batches (RaftConfig's maxAppendEntries and maxAppendBytes). */
class BoundedReplicationTest {

    private static byte[] cmd(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The requests with entries the trace shows sent to {@code peer} after its first {@code skip} events. */
    private static List<AppendEntriesRequest> sentTo(TestCluster c, String peer, int skip) {
        return c.events().stream().skip(skip).filter(e -> e.event() == EventType.AppendEntries)
                .map(e -> (AppendEntriesRequest) e.msg())
                .filter(r -> r.to().equals(peer) && !r.entries().isEmpty()).toList();
    }

    @Test
    void aFollowerFarBehindCatchesUpInRequestsOfAtMostTheBoundEach() {
        TestCluster c = new TestCluster(3, Bugs.NONE, cfg -> cfg.withMaxAppend(2, 1 << 20));
        c.elect("n1");
        RaftNode n1 = c.node("n1");
        for (String v : List.of("a", "b", "c", "d", "e")) {
            n1.propose(cmd(v));
            c.drain("n1");
            c.deliverWhile(m -> !m.to().equals("n3"));
        }
        assertThat(n1.lastIndex()).isEqualTo(6);
        assertThat(c.node("n3").lastIndex()).isEqualTo(1);
        int before = c.events().size();
        for (int round = 0; round < 20 && c.node("n3").lastIndex() < 6; round++) {
            n1.tick();
            c.drain("n1");
            c.deliverAll();
        }
        assertThat(c.node("n3").lastIndex()).isEqualTo(6);
        // the five missing entries (2..6) in three requests of at most two, each from where the last one ended
        assertThat(sentTo(c, "n3", before)).extracting(AppendEntriesRequest::prevLogIndex, r -> r.entries().size())
                .containsExactly(tuple(1L, 2), tuple(3L, 2), tuple(5L, 1));
    }

    @Test
    void theByteBoundCutsABatchButAnEntryLargerThanItStillGoesAlone() {
        TestCluster c = new TestCluster(3, Bugs.NONE, cfg -> cfg.withMaxAppend(64, 10));
        c.elect("n1");
        RaftNode n1 = c.node("n1");
        // the peers miss every proposal: three 4-byte commands fit 10 bytes two at a time, the 50-byte one alone
        for (String v : List.of("aaaa", "bbbb", "cccc", "x".repeat(50))) {
            n1.propose(cmd(v));
            c.drain("n1");
            c.inFlight.clear();
        }
        int before = c.events().size();
        for (int round = 0; round < 10 && c.node("n2").lastIndex() < n1.lastIndex(); round++) {
            n1.tick();
            c.drain("n1");
            c.deliverAll();
        }
        assertThat(sentTo(c, "n2", before)).extracting(r -> r.entries().stream().map(Entry::value).toList()).containsExactly(List.of("aaaa", "bbbb"), List.of("cccc"), List.of("x".repeat(50)));
    }

    @Test
    void boundsBelowOneAreRefused() {
        RaftConfig cfg = RaftConfig.of("n1", List.of("n1", "n2", "n3"), 1);
        assertThat(cfg.maxAppendEntries()).isEqualTo(RaftConfig.DEFAULT_MAX_APPEND_ENTRIES);
        assertThat(cfg.maxAppendBytes()).isEqualTo(RaftConfig.DEFAULT_MAX_APPEND_BYTES);
        assertThatThrownBy(() -> cfg.withMaxAppend(0, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one entry");
        assertThatThrownBy(() -> cfg.withMaxAppend(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
