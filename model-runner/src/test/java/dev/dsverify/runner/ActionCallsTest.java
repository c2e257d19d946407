package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.spec.ActionCalls;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each counterexample step is named by the action operator it applied, not by the disjunct of Next. */
class ActionCallsTest {
    private static final Path MAILBOX = Specs.DIR.resolve("actions/Mailbox.tla");

    @Test
    void stepsOfExistentialDisjunctsAreNamedByTheirAction() {
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(MAILBOX)
                .config(Specs.DIR.resolve("actions/Mailbox.cfg")).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        List<TraceState> steps = r.trace().subList(1, r.trace().size());
        // The premise: TLC itself names some of these steps only "Next".
        assertThat(steps).extracting(TraceState::action).contains("Next");
        assertThat(steps).extracting(TraceState::label).containsOnly("Post(p)", "Take(letter)")
                .contains("Post(p)", "Take(letter)");
        // The initial state is not an action.
        assertThat(r.trace().get(0).call()).isNull();
        assertThat(r.trace().get(0).label()).isEqualTo("Initial predicate");
    }

    @Test
    void aNextThatIsOneFormulaKeepsTlcsName() {
        // Counter's Next is Inc \/ (y.a < 3 /\ Dec): TLC names Inc and Dec itself; the label adds nothing wrong.
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "Counter").build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(r.trace().subList(1, r.trace().size())).extracting(TraceState::label).containsOnly("Inc");
    }

    @Test
    void theCallIsKeptInTheJsonResult() {
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(MAILBOX)
                .config(Specs.DIR.resolve("actions/Mailbox.cfg")).build());
        ModelCheckResult back = ResultJson.fromJson(ResultJson.toJson(r, null)).result();
        assertThat(back.trace()).extracting(TraceState::label)
                .containsExactlyElementsOf(r.trace().stream().map(TraceState::label).toList());
    }

    @Test
    void aRangeThatIsNoExpressionNamesNothing(@TempDir Path scratch) {
        ActionCalls calls = ActionCalls.load(MAILBOX, List.of(), scratch).orElseThrow();
        assertThat(calls.callAt(new SourceRange("Mailbox", 1, 1, 1, 2))).isEmpty();
        assertThat(calls.callAt(null)).isEmpty();
    }
}
