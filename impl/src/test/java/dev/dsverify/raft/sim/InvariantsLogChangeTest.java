package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.trace.TraceSink;
import dev.dsverify.raft.trace.Tracer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log checks re-examine exactly what the servers' Readies wrote (there is no checker hook in the core). */
class InvariantsLogChangeTest {
    private static final List<String> IDS = List.of("n1", "n2", "n3");

    private static RaftNode server(String id) {
        return RaftNode.start(new RaftConfig(id, IDS, 10, 1, 1, Bugs.NONE), new Tracer(id, TraceSink.OFF));
    }

    /** Delivers an entry of term 1 at index 1 from "leader" n3, handles the Ready, optionally showing it to inv. */
    private static void receive(Invariants inv, RaftNode n, String value, boolean showReady) {
        n.step(new AppendEntriesRequest("n3", n.id(), 1, 0, 0, 0, List.of(Entry.of(1, value)), 0, 0));
        Ready rd = n.ready();
        if (showReady) {
            inv.ready(n.id(), rd);
        }
        n.advance(rd);
        inv.afterStep(n);
    }

    @Test
    void entriesWrittenByAReadyAreCheckedForLogMatching() {
        Invariants inv = new Invariants();
        RaftNode n1 = server("n1");
        RaftNode n2 = server("n2");
        inv.afterStep(n1); // a started server's (empty) log is checked once
        inv.afterStep(n2);
        receive(inv, n1, "a", true);
        assertThatThrownBy(() -> receive(inv, n2, "b", true)).isInstanceOf(InvariantViolation.class)
                .hasMessageContaining("has an entry of term 1 at index 1 whose log prefix differs");
    }

    @Test
    void onlyWhatTheReadiesCarriedIsReexamined() {
        Invariants inv = new Invariants();
        RaftNode n1 = server("n1");
        RaftNode n2 = server("n2");
        inv.afterStep(n1);
        inv.afterStep(n2);
        receive(inv, n1, "a", false); // a change the checker was never told about stays unseen
        assertThatCode(() -> receive(inv, n2, "b", true)).doesNotThrowAnyException();
    }
}
