package dev.dsverify.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.ProgressListener;
import dev.dsverify.runner.report.ModelReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelChecksTest {

    private static PlannedCheck planned(String name, Outcome expected) {
        return new PlannedCheck(ModelCheck.builder(Path.of(name + ".tla")).name(name).build(),
                new Expectation(expected, null), List.of());
    }

    private static ModelCheckResult result(ModelCheck c, Outcome o) {
        return ModelCheckResult.builder().name(c.name()).outcome(o).build();
    }

    @Test
    void never_runs_more_checks_at_once_than_allowed_and_keeps_plan_order() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        List<PlannedCheck> plan = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plan.add(planned("M" + i, i == 3 ? Outcome.DEADLOCK : Outcome.SUCCESS));
        }
        ParallelChecks checks = new ParallelChecks(2, (check, listener) -> {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            twoStarted.countDown();
            try {
                // Hold the first two until both are running, so the test sees real overlap.
                twoStarted.await(10, TimeUnit.SECONDS);
                Thread.sleep(check.name().equals("M0") ? 50 : 5); // M0 finishes last of its pair
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return result(check, Outcome.SUCCESS);
        }, c -> ProgressListener.NONE);
        List<ModelReport> reports = checks.run(plan);
        assertThat(peak.get()).isEqualTo(2);
        assertThat(reports).extracting(ModelReport::name).containsExactly("M0", "M1", "M2", "M3", "M4", "M5");
        assertThat(reports).extracting(ModelReport::passed).containsExactly(true, true, true, false, true, true);
    }

    @Test
    void an_interrupted_run_returns_only_once_every_running_check_has_stopped() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicInteger stopped = new AtomicInteger();
        ParallelChecks checks = new ParallelChecks(2, (check, listener) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // What ModelChecker does on interrupt: kill TLC and wait for it, which takes a moment.
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                stopped.incrementAndGet();
                Thread.currentThread().interrupt();
            }
            return result(check, Outcome.CANCELLED);
        }, c -> ProgressListener.NONE);
        Thread build = Thread.currentThread();
        Thread canceller = new Thread(() -> {
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                return;
            }
            build.interrupt();
        });
        canceller.start();
        try {
            checks.run(List.of(planned("A", Outcome.SUCCESS), planned("B", Outcome.SUCCESS)));
            org.assertj.core.api.Assertions.fail("run returned normally although interrupted");
        } catch (InterruptedException expected) {
            assertThat(stopped.get()).as("checks stopped before run returned").isEqualTo(2);
        } finally {
            canceller.join();
            Thread.interrupted();
        }
    }

    @Test
    void parallelism_defaults_to_cores_and_never_exceeds_the_number_of_checks() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(ParallelChecks.effectiveParallelism(0, 100)).isEqualTo(cores);
        assertThat(ParallelChecks.effectiveParallelism(8, 3)).isEqualTo(3);
        assertThat(ParallelChecks.effectiveParallelism(1, 3)).isEqualTo(1);
        assertThat(ParallelChecks.effectiveParallelism(-1, 0)).isEqualTo(1);
    }
}
