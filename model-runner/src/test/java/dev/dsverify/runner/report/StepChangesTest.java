package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaValue;
import dev.dsverify.runner.value.TlaValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepChangesTest {
    private static TraceState state(String... varsAndValues) {
        Map<String, TlaValue> vars = new LinkedHashMap<>();
        for (int i = 0; i < varsAndValues.length; i += 2) {
            vars.put(varsAndValues[i], TlaValues.parse(varsAndValues[i + 1]));
        }
        return new TraceState(1, "A", null, vars);
    }

    private static List<String> changes(TraceState a, TraceState b) {
        return StepChanges.between(a, b).stream().map(Object::toString).toList();
    }

    @Test
    void aFunctionOverProcessesChangesAtOneProcess() {
        assertThat(changes(state("term", "(s1 :> 0 @@ s2 :> 0)"), state("term", "(s1 :> 1 @@ s2 :> 0)")))
                .containsExactly("term[s1]: 0 → 1");
    }

    @Test
    void aMessageAddedToAndTakenFromABag() {
        TraceState a = state("msgs", "([type |-> \"Req\", from |-> s1, to |-> s2, term |-> 1] :> 1)");
        TraceState b = state("msgs", "([type |-> \"Resp\", from |-> s2, to |-> s1, ok |-> TRUE] :> 1)");
        assertThat(changes(a, b)).containsExactly("msgs + Resp s2→s1 (ok TRUE)", "msgs - Req s1→s2 (term 1)");
    }

    @Test
    void aBagThatEmptiesIsTheEmptyFunctionTlcPrintsAsASequence() {
        TraceState a = state("msgs", "<<>>");
        TraceState b = state("msgs", "([type |-> \"Req\", from |-> s1, to |-> s2] :> 2)");
        assertThat(changes(a, b)).containsExactly("msgs + Req s1→s2 ×2");
        assertThat(changes(b, a)).containsExactly("msgs - Req s1→s2 ×2");
    }

    @Test
    void setsAndAppendedSequencesShowTheirElements() {
        assertThat(changes(state("s", "{1, 2}"), state("s", "{2, 3}"))).containsExactly("s + 3", "s - 1");
        assertThat(changes(state("log", "(n1 :> <<1>>)"), state("log", "(n1 :> <<1, 2>>)")))
                .containsExactly("log[n1] + 2");
        assertThat(changes(state("r", "[a |-> 1, b |-> 2]"), state("r", "[a |-> 1, b |-> 3]")))
                .containsExactly("r.b: 2 → 3");
    }

    @Test
    void nothingChangedIsNoChangeAndTheFirstStateHasNone() {
        assertThat(changes(state("x", "1"), state("x", "1"))).isEmpty();
        assertThat(StepChanges.between(null, state("x", "1"))).isEmpty();
    }

    @Test
    void theTextNeverCutsALongChangedValue() {
        String longString = "\"" + "v".repeat(400) + "\"";
        TraceState a = state("x", "\"a\"");
        TraceState b = state("x", longString);
        String text = TraceChanges.render(List.of(a, b), 80);
        assertThat(text.replaceAll("\\s+", "")).contains("v".repeat(400));
        assertThat(text.lines()).allMatch(l -> l.length() <= 80);
    }
}
