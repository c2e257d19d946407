package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.value.TlaInt;
import dev.dsverify.runner.value.TlaString;
import org.junit.jupiter.api.Test;

/** What TLC says about an error reaches the result: its message, where it is, and the states that led there. */
class TlcErrorReportingTest {

    @Test
    void divisionByZeroInAStepIsAnEvaluationError() {
        // TLC exits 255 here (not 75), which once made this a tlc_error.
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("DivZero", "DivZeroNext").build());
        assertThat(r.outcome()).isEqualTo(Outcome.EVALUATION_ERROR);
        assertThat(r.message()).contains("The second argument of \\div is 0");
        assertThat(r.errorPosition()).isNotNull();
        assertThat(r.errorPosition().file()).endsWith("DivZero.tla");
        assertThat(r.errorPosition().line()).isEqualTo(7);
        assertThat(r.trace()).extracting(TraceState::action).containsExactly("Initial predicate", "Next");
    }

    @Test
    void divisionByZeroInTheInitialPredicateKeepsTlcsMessage() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("DivZero", "DivZeroInit").build());
        assertThat(r.outcome()).isEqualTo(Outcome.EVALUATION_ERROR);
        assertThat(r.message()).isNotBlank().contains("The second argument of \\div is 0");
        assertThat(r.errorPosition().file()).endsWith("DivZero.tla");
        assertThat(r.errorPosition().line()).isEqualTo(6);
        assertThat(r.tlcExitCode()).isEqualTo(75);
    }

    @Test
    void violationInAnInitialStateIsAOneStateCounterexample() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("InitViolation", "InitViolation").build());
        assertThat(r.outcome()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(r.violated()).isEqualTo("Small");
        assertThat(r.trace()).hasSize(1);
        TraceState s = r.trace().get(0);
        assertThat(s.number()).isEqualTo(1);
        assertThat(s.action()).isEqualTo("Initial predicate");
        assertThat(s.vars()).containsEntry("x", TlaInt.of(1))
                .containsEntry("y", new TlaString("a"));
        assertThat(ResultJson.toJsonString(r, null)).contains("\"action\" : \"Initial predicate\"");
    }
}
