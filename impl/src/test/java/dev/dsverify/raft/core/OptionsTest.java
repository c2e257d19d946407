package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.trace.TraceBuffer;
import dev.dsverify.raft.trace.Tracer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional protocol extensions: pre-vote and check-quorum (both off by default). */
class OptionsTest {
    private final List<String> ids = List.of("n1", "n2", "n3");
    private final Map<String, RaftNode> nodes = new LinkedHashMap<>();
    private final List<Message> inFlight = new ArrayList<>();
    private final TraceBuffer trace = new TraceBuffer();

    private void start(boolean preVote, boolean checkQuorum) {
        for (String id : ids) {
            nodes.put(id, RaftNode.start(new RaftConfig(id, ids, 10, 1, id.hashCode(), Bugs.NONE, preVote, checkQuorum),
                    new Tracer(id, trace)));
        }
    }

    private void drain(String id) {
        RaftNode n = nodes.get(id);
        while (n.hasReady()) {
            Ready rd = n.ready();
            inFlight.addAll(rd.messages());
            n.advance(rd);
        }
    }

    /** Ticks everyone {@code rounds} times, delivering only messages between servers not in {@code isolated}. */
    private void run(int rounds, String isolated) {
        for (int t = 0; t < rounds; t++) {
            for (String id : ids) {
                nodes.get(id).tick();
                drain(id);
            }
            while (!inFlight.isEmpty()) {
                Message m = inFlight.remove(0);
                if (!m.from().equals(isolated) && !m.to().equals(isolated)) {
                    nodes.get(m.to()).step(m);
                    drain(m.to());
                }
            }
        }
    }

    private String leader() {
        return nodes.values().stream().filter(n -> n.role() == Role.Leader).map(RaftNode::id).findFirst().orElse(null);
    }

    @Test
    void preVote_anIsolatedServerDoesNotInflateItsTermAndCannotDisruptTheClusterWhenItReturns() {
        start(true, false);
        run(60, null);
        String leader = leader();
        assertThat(leader).isNotNull();
        String other = ids.stream().filter(i -> !i.equals(leader)).findFirst().orElseThrow();
        long term = nodes.get(leader).currentTerm();
        run(200, other);
        assertThat(nodes.get(other).currentTerm()).as("no election without a pre-vote majority").isEqualTo(term);
        run(60, null);
        assertThat(leader()).isEqualTo(leader);
        assertThat(nodes.get(leader).currentTerm()).isEqualTo(term);
    }

    @Test
    void withoutPreVote_anIsolatedServerKeepsStartingElections() {
        start(false, false);
        run(60, null);
        String leader = leader();
        String other = ids.stream().filter(i -> !i.equals(leader)).findFirst().orElseThrow();
        long term = nodes.get(leader).currentTerm();
        run(200, other);
        assertThat(nodes.get(other).currentTerm()).isGreaterThan(term + 3);
    }

    @Test
    void checkQuorum_aLeaderCutOffFromTheMajorityStepsDown() {
        start(false, true);
        run(60, null);
        String leader = leader();
        assertThat(leader).isNotNull();
        run(40, leader);
        assertThat(nodes.get(leader).role()).isNotEqualTo(Role.Leader);
    }

    @Test
    void withoutCheckQuorum_anIsolatedLeaderStaysLeaderOfItsTerm() {
        start(false, false);
        run(60, null);
        String leader = leader();
        run(40, leader);
        assertThat(nodes.get(leader).role()).isEqualTo(Role.Leader);
    }
}
