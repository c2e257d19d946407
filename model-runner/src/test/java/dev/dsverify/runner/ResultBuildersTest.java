package dev.dsverify.runner;

import dev.dsverify.runner.tlc.RunFacts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultBuildersTest {

    @Test
    void aModelCheckResultBuiltByNameEqualsTheCanonicalOne() {
        Stats stats = new Stats(8, 4, 4, 0, Duration.ofMillis(1200), 3.3);
        ModelCheckResult named = ModelCheckResult.builder().name("Counter").outcome(Outcome.PROPERTY_VIOLATION)
                .violated("Live").message("violated").stats(stats).loopsBackTo(1).stuttering(true).tlcExitCode(13)
                .fingerprint(7).seed(42L).build();
        assertThat(named).isEqualTo(new ModelCheckResult("Counter", Outcome.PROPERTY_VIOLATION, "Live", "violated",
                null, stats, List.of(), 1, true, List.of(), 13, List.of(), 7, 42L));
        assertThat(ModelCheckResult.builder().name("S").outcome(Outcome.SUCCESS).build()).isEqualTo(
                new ModelCheckResult("S", Outcome.SUCCESS, null, null, null, Stats.unknown(Duration.ZERO), List.of(),
                        null, false, List.of(), 0));
        assertThatThrownBy(() -> ModelCheckResult.builder().name("S").build()).hasMessageContaining("outcome");
    }

    @Test
    void runFactsBuiltByNameEqualTheCanonicalOnes() {
        RunFacts named = RunFacts.builder().name("M").specDir(Path.of("specs")).simulation(true)
                .properties(List.of("Live")).exitCode(12).timedOut(true).duration(Duration.ofSeconds(1))
                .allowStaleTranslation(true).build();
        assertThat(named).isEqualTo(new RunFacts("M", Path.of("specs"), List.of(), true, false, List.of("Live"),
                List.of(), List.of(), List.of(), 12, false, true, Duration.ofSeconds(1), null, true));
        assertThatThrownBy(() -> RunFacts.builder().build()).hasMessageContaining("name");
    }
}
