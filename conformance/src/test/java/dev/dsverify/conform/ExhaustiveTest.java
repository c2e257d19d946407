package dev.dsverify.conform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Exhaustive mode drives the code to every distinct state of a model, as TLC counts them. */
class ExhaustiveTest {
    @Test
    void everyStateOfASmallModelIsReached() throws Exception {
        ConformResult r = Conformance.run(Specs.exhaustive(Specs.raft(),
                Specs.resource("models/MCRaftTiny.cfg").toString()));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().statesTotal()).isEqualTo(355L);
        assertThat(r.coverage().statesVisited()).isEqualTo(355L);
        assertThat(r.coverage().stateFraction()).isEqualTo(1.0);
        assertThat(r.coverage().enabledNotDriven()).isEmpty();
    }

    /** About 35 s on a loaded 2-core machine: with -Pslow. TLC finds 13,391 distinct states in raft.quick. */
    @Test
    @EnabledIfSystemProperty(named = "dsverify.tier", matches = "slow")
    void everyStateOfTheQuickModelIsReached() throws Exception {
        ConformResult r = Conformance.run(Specs.exhaustive(Specs.raft(), "raft.quick"));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().statesTotal()).isEqualTo(13_391L);
        assertThat(r.coverage().statesVisited()).isEqualTo(13_391L);
    }

    @Test
    void anExhaustiveRunStopsAtTheFirstFailure() throws Exception {
        ConformResult r = Conformance.run(new ConformOptions(Specs.raft(),
                Specs.resource("models/MCRaftTiny.cfg").toString(), true, 1, 1, 1,
                dev.dsverify.raft.core.Bugs.parse("double-vote")));
        assertThat(r.failure()).isNotNull();
        assertThat(r.failure().kind()).isEqualTo(FailureKind.TAKES_STEP_DIFFERENTLY);
        assertThat(r.failure().action()).startsWith("HandleRequestVoteRequest(");
        assertThat(r.coverage().statesTotal()).isNull(); // a failed run did not reach every state
    }
}
