package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TLC's distributed engine (a server and worker JVMs on loopback) explores the same state space. */
class DistributedTest {

    /**
     * TLC 2.18's distributed server has a race: now and then its final progress report reads a worker's state
     * array after it was cleared and the run dies with a NullPointerException. Such a run must come back as
     * a TLC error; the test allows two of those before a run has to succeed.
     */
    @Test
    void distributedRunFindsTheSameDistinctStatesAsALocalRun() {
        ModelCheck local = Specs.check("Counter", "CounterOk").build();
        ModelCheck distributed = local.toBuilder().distributed(2).timeout(Duration.ofMinutes(2)).build();
        ModelCheckResult l = Specs.CHECKER.run(local);
        assertThat(l.outcome()).isEqualTo(Outcome.SUCCESS);
        ModelCheckResult d = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            d = Specs.CHECKER.run(distributed);
            if (d.outcome() == Outcome.SUCCESS) {
                break;
            }
            assertThat(d.outcome()).as(d.message()).isEqualTo(Outcome.TLC_ERROR);
            assertThat(d.message()).contains("NullPointerException");
        }
        assertThat(d.outcome()).as(d.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(d.stats().distinctStates()).isEqualTo(l.stats().distinctStates()).isEqualTo(15);
        assertThat(d.stats().statesLeftOnQueue()).isZero();
    }

    /**
     * Distributed TLC 2.18 finds the violation but prints no message naming it, exits 0 and prints a trace
     * that does not start in an initial state: the run must fail rather than pass.
     */
    @Test
    void distributedViolationIsNeverASuccess() {
        ModelCheckResult d = Specs.CHECKER.run(Specs.check("Counter", "Counter").distributed(1)
                .timeout(Duration.ofMinutes(2)).build());
        assertThat(d.outcome()).as(d.message()).isEqualTo(Outcome.TLC_ERROR);
        assertThat(d.message()).contains("run the model locally");
    }
}
