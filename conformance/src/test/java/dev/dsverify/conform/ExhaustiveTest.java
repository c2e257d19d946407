package dev.dsverify.conform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Exhaustive mode drives the code to every distinct state of a model, as TLC counts them. */
class ExhaustiveTest {
    /** TLC's count of distinct states of models/MCRaftTinyPreVote.cfg. */
    private static final long TINY_PREVOTE_STATES = 1_045;
    /** Those a path the code's timing allows reaches. */
    private static final long TINY_PREVOTE_TIMED_STATES = 930;
    /** The states of raft.prevote.quick a path the code's timing allows reaches. */
    private static final long PREVOTE_QUICK_TIMED_STATES = 26_794;

    @Test
    void everyStateOfASmallModelIsReached() throws Exception {
        ConformResult r = Conformance.run(Specs.exhaustive(Specs.raft(),
                Specs.resource("models/MCRaftTiny.cfg").toString()));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().statesTotal()).isEqualTo(363L);
        assertThat(r.coverage().statesVisited()).isEqualTo(363L);
        assertThat(r.coverage().stateFraction()).isEqualTo(1.0);
        assertThat(r.coverage().enabledNotDriven()).isEmpty();
    }

    /**
     * With pre-vote, a follower's answer rests on timing: the steps the code's clock-free servers cannot take are
     * explored, not driven; every other state is reached, and the total is still the model's.
     */
    @Test
    void everyStateOfASmallPreVoteModelTheCodesTimingReachesIsReached() throws Exception {
        ConformResult r = Conformance.run(Specs.exhaustive(Specs.raft(),
                Specs.resource("models/MCRaftTinyPreVote.cfg").toString()));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().statesTotal()).isEqualTo(TINY_PREVOTE_STATES);
        assertThat(r.coverage().untimed()).isPositive();
        assertThat(r.coverage().statesVisited()).isEqualTo(TINY_PREVOTE_TIMED_STATES);
        assertThat(r.coverage().enabledNotDriven()).isEmpty();
    }

    /** About 75 s on a loaded 2-core machine (every state is also offered the steps the spec refuses): with -Pslow.
     * TLC finds 13,414 distinct states in raft.quick. */
    @Test
    @EnabledIfSystemProperty(named = "dsverify.tier", matches = "slow")
    void everyStateOfTheQuickModelIsReached() throws Exception {
        ConformResult r = Conformance.run(Specs.exhaustive(Specs.raft(), "raft.quick"));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().statesTotal()).isEqualTo(13_414L);
        assertThat(r.coverage().statesVisited()).isEqualTo(13_414L);
    }

    /** About 3 minutes and 3.5 GB of heap: with -Pslow. TLC finds 178,451 distinct states in raft.snapshot.quick. */
    @Test
    @EnabledIfSystemProperty(named = "dsverify.tier", matches = "slow")
    void everyStateOfTheQuickSnapshotModelIsReached() throws Exception {
        ConformResult r = Conformance.run(Specs.exhaustive(Specs.raft(), "raft.snapshot.quick"));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().statesTotal()).isEqualTo(178_451L);
        assertThat(r.coverage().statesVisited()).isEqualTo(178_451L);
    }

    /**
     * About 30 s: with -Pslow. TLC finds 32,076 distinct states in raft.prevote.quick; the code's timing reaches
     * 26,794 of them (the others only through a follower's pre-vote answer its clock cannot give).
     */
    @Test
    @EnabledIfSystemProperty(named = "dsverify.tier", matches = "slow")
    void everyStateOfTheQuickPreVoteModelTheCodesTimingReachesIsReached() throws Exception {
        ConformResult r = Conformance.run(Specs.exhaustive(Specs.raft(), "raft.prevote.quick"));
        assertThat(r.failure()).isNull();
        assertThat(r.coverage().statesTotal()).isEqualTo(32_076L);
        assertThat(r.coverage().statesVisited()).isEqualTo(PREVOTE_QUICK_TIMED_STATES);
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
