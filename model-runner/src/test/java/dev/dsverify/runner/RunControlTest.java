package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs that do not finish by themselves: timeouts, cancels, kills, time budgets and simulations. */
class RunControlTest {

    /** Counts down once TLC has computed the initial states, i.e. is exploring. */
    private static final class Exploring implements ProgressListener {
        final CountDownLatch latch = new CountDownLatch(1);

        @Override
        public void message(TlcMessage m) {
            if (m.code() == 2190) {
                latch.countDown();
            }
        }
    }

    private static ModelCheck slow() {
        return Specs.check("Slow", "Slow").build();
    }

    @Test
    void timeoutKillsTheRun() {
        ModelCheckResult r = Specs.CHECKER.run(slow().toBuilder().timeout(Duration.ofSeconds(3)).build());
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.tlcExitCode()).isEqualTo(-1);
        assertThat(r.stats().duration()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void cancelKillsTheRun() throws Exception {
        Exploring exploring = new Exploring();
        RunningCheck running = Specs.CHECKER.start(slow(), exploring);
        assertThat(exploring.latch.await(60, TimeUnit.SECONDS)).isTrue();
        long pid = running.pid();
        running.cancel();
        ModelCheckResult r = running.await(Duration.ofSeconds(30));
        assertThat(r).isNotNull();
        assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void tlcKilledFromOutsideIsAnErrorNeverASuccess() throws Exception {
        Exploring exploring = new Exploring();
        RunningCheck running = Specs.CHECKER.start(slow(), exploring);
        assertThat(exploring.latch.await(60, TimeUnit.SECONDS)).isTrue();
        ProcessHandle.of(running.pid()).orElseThrow().destroyForcibly();
        ModelCheckResult r = running.await(Duration.ofSeconds(30));
        assertThat(r.outcome()).isEqualTo(Outcome.TLC_ERROR);
        assertThat(r.tlcExitCode()).isNotZero();
    }

    @Test
    void stopAfterLeavesStatesOnTheQueueAndIsIncomplete() {
        ModelCheckResult r = Specs.CHECKER.run(slow().toBuilder().stopAfter(Duration.ofSeconds(1)).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(r.stats().statesLeftOnQueue()).isPositive();
        assertThat(r.stats().distinctStates()).isPositive();
        assertThat(r.tlcExitCode()).isZero();
    }

    @Test
    void simulationWithoutViolationIsIncomplete() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "CounterOk").simulate(10, 5, 42L).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(r.message()).contains("simulation");
        assertThat(r.stats().generatedStates()).isPositive();
    }

    @Test
    void simulationFindsAnInvariantViolation() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "Counter").simulate(20, 50, 7L).build());
        assertThat(r.outcome()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(r.violated()).isEqualTo("Small");
        assertThat(r.trace()).isNotEmpty();
        assertThat(r.trace().get(r.trace().size() - 1).vars().get("x").toTla()).isEqualTo("3");
    }

    @Test
    void coverageCountsEachAction() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "CounterOk").coverage(true).build());
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.coverage()).extracting(ActionCoverage::action).contains("Init", "Inc");
        ActionCoverage inc = r.coverage().stream().filter(c -> c.action().equals("Inc")).findFirst().orElseThrow();
        assertThat(inc.distinct()).isPositive();
        assertThat(inc.generated()).isGreaterThanOrEqualTo(inc.distinct());
        assertThat(inc.location().module()).isEqualTo("Counter");
    }

    @Test
    void progressReachesTheListener() {
        java.util.List<Progress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "CounterOk").build(), new ProgressListener() {
            @Override
            public void started(ModelCheck check) {
                events.add("started " + check.name());
            }

            @Override
            public void progress(Progress p) {
                seen.add(p);
            }

            @Override
            public void finished(ModelCheckResult result) {
                events.add("finished " + result.outcome().jsonName());
            }
        });
        assertThat(events).containsExactly("started Counter", "finished success");
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).distinctStates()).isEqualTo(15);
    }
}
