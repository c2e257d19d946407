package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.trace.TraceSink;
import dev.dsverify.raft.trace.Tracer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's always-on invariant checks fire when the state breaks what the code relies on. */
class CoreInvariantsTest {

    private static Raft server(Bugs bugs) {
        RaftConfig cfg = new RaftConfig("n1", List.of("n1", "n2", "n3"), 10, 1, 1, bugs);
        return new Raft(cfg, HardState.INITIAL, null, List.of(Entry.of(1, "a")), new Tracer("n1", TraceSink.OFF));
    }

    @Test
    void aCommitIndexBeyondTheLogIsCaught() {
        Raft r = server(Bugs.NONE);
        r.commitIndex = 2;
        assertThatThrownBy(() -> r.checkInvariants(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("commit index 2 <= last index 1");
    }

    @Test
    void aTermGoingBackIsCaught() {
        Raft r = server(Bugs.NONE);
        assertThatThrownBy(() -> r.checkInvariants(4)).hasMessageContaining("terms never decrease: 0 after 4");
    }

    @Test
    void aLeaderWithoutItsOwnVoteIsCaught() {
        Raft r = server(Bugs.NONE);
        r.currentTerm = 2;
        r.role = Role.Leader;
        r.leaderId = "n1";
        r.votedFor = "n2";
        assertThatThrownBy(() -> r.checkInvariants(2)).hasMessageContaining("a leader voted for itself");
    }

    @Test
    void aProgressBelowOneIsCaughtEvenWithABugSwitchOn() {
        Raft r = server(Bugs.parse("commit-backwards"));
        r.tracker.get("n2").next = 0;
        assertThatThrownBy(() -> r.checkInvariants(0)).hasMessageContaining("nextIndex 0 >= 1");
    }
}
