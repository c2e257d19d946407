package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.value.TlaValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Temporal and action properties: lassos, stuttering and naming the property. */
class LivenessTest {

    private static List<String> xs(ModelCheckResult r) {
        return r.trace().stream().map(s -> s.vars().get("x")).map(TlaValue::toTla).toList();
    }

    @Test
    void lassoLoopsBackToTheFirstState() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Loop", "LoopLasso").build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(r.violated()).isEqualTo("Overflow");
        assertThat(r.stats().distinctStates()).isEqualTo(3);
        assertThat(xs(r)).containsExactly("0", "1", "2");
        assertThat(r.loopsBackTo()).isEqualTo(0);
        assertThat(r.stuttering()).isFalse();
        assertThat(r.trace().get(1).action()).isEqualTo("Inc");
        assertThat(r.tlcExitCode()).isEqualTo(13);
    }

    @Test
    void livenessCheckedOnlyAtTheEndFindsTheSameLasso() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Loop", "LoopLasso").livenessAtEnd(true).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(r.violated()).isEqualTo("Overflow");
        assertThat(xs(r)).containsExactly("0", "1", "2");
        assertThat(r.loopsBackTo()).isEqualTo(0);
    }

    @Test
    void stutteringCounterexample() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Loop", "LoopStutter").build());
        assertThat(r.outcome()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(r.violated()).isEqualTo("ReachesTop");
        assertThat(r.stats().distinctStates()).isEqualTo(3);
        assertThat(xs(r)).containsExactly("0", "1");
        assertThat(r.stuttering()).isTrue();
        assertThat(r.loopsBackTo()).isNull();
    }

    @Test
    void actionPropertyIsNamed() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Loop", "LoopAction").build());
        assertThat(r.outcome()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(r.violated()).isEqualTo("OnlyUp");
        assertThat(xs(r)).containsExactly("0", "1", "2", "0");
        assertThat(r.trace().get(3).action()).isEqualTo("Reset");
    }

    @Test
    void specAsPropertyIsNamedFromTheCfgNotByTheLocationTlcPrints() {
        // TLC reports "Action property line 15, col 22 to ... of module Loop is violated": a location, not a name.
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Loop", "LoopSpecProperty").build());
        assertThat(r.outcome()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(r.violated()).isEqualTo("ClimbOnly");
        assertThat(r.message()).contains("line 15, col 22");
        assertThat(xs(r)).containsExactly("0", "1", "2", "0");
    }

    @Test
    void fairSpecSatisfiesItsLivenessProperty() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Loop", "LoopOk").build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.stats().distinctStates()).isEqualTo(3);
    }
}
