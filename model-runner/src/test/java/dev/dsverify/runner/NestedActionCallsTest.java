package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A disjunct of Next with nested quantifiers, the inner one over a set built from the outer variable, still
 * names the action it applies with all of its arguments.
 */
class NestedActionCallsTest {

    @Test
    void nestedExistentialsResolveToTheInnerAction() {
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(Specs.DIR.resolve("actions/NestedSteps.tla"))
                .config(Specs.DIR.resolve("actions/NestedSteps.cfg")).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        List<TraceState> t = r.trace();
        assertThat(t).hasSize(3);
        assertThat(t.get(0).label()).isEqualTo("Initial predicate");
        assertThat(t.get(1).label()).isEqualTo("Send(p)");
        // TLC names this step only "Next": its outer quantifier ranges over a variable.
        assertThat(t.get(2).action()).isEqualTo("Next");
        assertThat(t.get(2).label()).isEqualTo("Deliver(p, q)");
    }
}
