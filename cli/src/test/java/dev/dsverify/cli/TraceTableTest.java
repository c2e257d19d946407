package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.SourceRange;
import dev.dsverify.runner.Stats;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaValue;
import dev.dsverify.runner.value.TlaValues;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wide counterexample prints what each step changed, whole; --full prints every value. */
class TraceTableTest {
    private static final String WIDE = "(s1 :> \"" + "x".repeat(60) + "\" @@ s2 :> \"" + "y".repeat(60) + "\")";

    private static TraceState state(int n, String action, String term, String call) {
        Map<String, TlaValue> vars = new LinkedHashMap<>();
        vars.put("payload", TlaValues.parse(WIDE));
        vars.put("term", TlaValues.parse(term));
        SourceRange at = n == 1 ? null : new SourceRange("Spec", 12, 8, 12, 40);
        return new TraceState(n, action, at, vars, call);
    }

    private static ModelCheckResult result() {
        List<TraceState> trace = List.of(
                state(1, "Initial predicate", "(s1 :> 0 @@ s2 :> 0)", null),
                state(2, "Next", "(s1 :> 1 @@ s2 :> 0)", "Timeout(i)"),
                state(3, "Next", "(s1 :> 1 @@ s2 :> 1)", "Timeout(i)"));
        return ModelCheckResult.builder().name("Spec").outcome(Outcome.INVARIANT_VIOLATION).violated("Inv")
                .message("violated").stats(new Stats(3, 3, 3, 0, Duration.ofSeconds(1), 3)).trace(trace)
                .tlcExitCode(12).build();
    }

    @Test
    void wideStatesShowOnlyWhatEachStepChangedUnderTheActionItApplied() {
        String text = TraceTable.render(result());
        assertThat(text).contains("State 2: Timeout(i) (Spec.tla:12)")
                .contains("  * term[s1]: 0 → 1")
                .contains("  * term[s2]: 0 → 1")
                .contains("--full prints every variable");
        // The wide unchanged payload is printed once, in the first state, whole.
        assertThat(text.split("x{60}", -1)).hasSize(2);
        assertThat(text).doesNotContain("…");
    }

    @Test
    void fullPrintsEveryVariableOfEveryStateUncut() {
        String text = TraceTable.render(result(), true);
        assertThat(text.split("x{60}", -1)).hasSize(4);
        assertThat(text).doesNotContain("…");
    }
}
