package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.value.TlaValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One real TLC run per outcome kind, checking outcome, name, state counts and the counterexample. */
class OutcomeTest {

    private static ModelCheckResult run(ModelCheck.Builder b) {
        return Specs.CHECKER.run(b.build());
    }

    private static List<String> values(ModelCheckResult r, String var) {
        return r.trace().stream().map(s -> s.vars().get(var)).map(TlaValue::toTla).toList();
    }

    @Test
    void success() {
        ModelCheckResult r = run(Specs.check("Counter", "CounterOk"));
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.violated()).isNull();
        assertThat(r.stats().distinctStates()).isEqualTo(15);
        assertThat(r.stats().generatedStates()).isEqualTo(21);
        assertThat(r.stats().depth()).isEqualTo(9);
        assertThat(r.stats().statesLeftOnQueue()).isZero();
        assertThat(r.trace()).isEmpty();
        assertThat(r.tlcExitCode()).isZero();
    }

    @Test
    void invariantViolation() {
        ModelCheckResult r = run(Specs.check("Counter", "Counter"));
        assertThat(r.outcome()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(r.violated()).isEqualTo("Small");
        assertThat(r.stats().distinctStates()).isEqualTo(5);
        assertThat(r.tlcExitCode()).isEqualTo(12);
        assertThat(r.trace()).hasSize(4);
        assertThat(values(r, "x")).containsExactly("0", "1", "2", "3");
        TraceState first = r.trace().get(0);
        assertThat(first.action()).isEqualTo("Initial predicate");
        assertThat(first.location()).isNull();
        assertThat(first.vars().keySet()).containsExactly("x", "y");
        assertThat(first.vars().get("y").toTla()).isEqualTo("[a |-> 1, b |-> \"s\"]");
        TraceState second = r.trace().get(1);
        assertThat(second.action()).isEqualTo("Inc");
        assertThat(second.location()).isEqualTo(new SourceRange("Counter", 7, 8, 7, 41));
        assertThat(r.loopsBackTo()).isNull();
        assertThat(r.stuttering()).isFalse();
    }

    @Test
    void deadlock() {
        ModelCheckResult r = run(Specs.check("Counter", "CounterDeadlock"));
        assertThat(r.outcome()).isEqualTo(Outcome.DEADLOCK);
        assertThat(r.violated()).isNull();
        assertThat(r.stats().distinctStates()).isEqualTo(15);
        assertThat(r.trace()).hasSize(9);
        assertThat(values(r, "x").get(8)).isEqualTo("4");
        assertThat(r.trace().get(8).vars().get("y").toTla()).contains("a |-> 3");
    }

    @Test
    void deadlockCheckCanBeTurnedOff() {
        // Also passes a heap size and fingerprint memory to the child JVM: both must be accepted.
        ModelCheckResult r = run(Specs.check("Counter", "CounterDeadlock").checkDeadlock(false).heap("256m").fpmem(0.25));
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.stats().distinctStates()).isEqualTo(15);
    }
}
