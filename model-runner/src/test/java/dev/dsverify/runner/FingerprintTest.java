package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A liveness counterexample depends on TLC's fingerprint function, which TLC draws at random on every run
 * (Wander gives lassos through different actions for different ones): a check pins it and says which it used.
 */
class FingerprintTest {

    @Test
    void livenessCounterexampleIsTheSameOnEveryRun() {
        ModelCheckResult first = Specs.CHECKER.run(Specs.check("Wander", "Wander").build());
        ModelCheckResult second = Specs.CHECKER.run(Specs.check("Wander", "Wander").build());
        assertThat(first.outcome()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(first.loopsBackTo()).isNotNull();
        assertThat(first.fingerprint()).isEqualTo(ModelCheck.DEFAULT_FINGERPRINT);
        assertThat(second.trace()).isEqualTo(first.trace());
        assertThat(second.loopsBackTo()).isEqualTo(first.loopsBackTo());
    }

    @Test
    void chosenFingerprintIsUsedAndReported() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Wander", "Wander").fingerprint(7).build());
        assertThat(r.outcome()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(r.fingerprint()).isEqualTo(7);
        assertThat(ResultJson.toJsonString(r, null)).contains("\"fingerprint\" : 7");
        assertThat(ResultJson.fromJson(ResultJson.toJson(r, null)).result().fingerprint()).isEqualTo(7);
    }

    @Test
    void simulationReportsItsSeed() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Wander", "Wander").simulate(5, 3, 42L).build());
        assertThat(r.seed()).isEqualTo(42L);
    }

    @Test
    void fingerprintOutsideTlcsRangeIsRejected() {
        assertThatThrownBy(() -> Specs.check("Wander", "Wander").fingerprint(131).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 130");
    }
}
