package dev.dsverify.runner.value;

import static dev.dsverify.runner.value.TestValues.FALSE;
import static dev.dsverify.runner.value.TestValues.TRUE;
import static dev.dsverify.runner.value.TestValues.fn;
import static dev.dsverify.runner.value.TestValues.mv;
import static dev.dsverify.runner.value.TestValues.num;
import static dev.dsverify.runner.value.TestValues.rec;
import static dev.dsverify.runner.value.TestValues.seq;
import static dev.dsverify.runner.value.TestValues.set;
import static dev.dsverify.runner.value.TestValues.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.value.TlcTraceFixture.PrintedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values exactly as TLC 2.18 printed them: PrintedValues.tool.out is the -tool output of PrintedValues.tla
 * (regenerated and compared live by {@link TlcLiveOutputTest}).
 */
class TlcPrintedValuesTest {

    /** The Cases tuple of PrintedValues.tla, written out by hand. */
    static List<TlaValue> expectedCases() {
        List<TlaValue> multiplesOf7 = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            multiplesOf7.add(num(7L * i));
        }
        List<TlaValue> nodes = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            nodes.add(rec("id", num(i), "name", str("node"), "up", TlaBool.of(i % 2 == 0)));
        }
        return List.of(
                num(-3),
                num(2147483647),
                num(-2147483648),
                str("a\"b\\c\nd\te\rf\fg"),
                str("üñí€ and spaces"),
                str(""),
                TRUE,
                mv("n1"),
                seq(),
                set(),
                seq(),
                set(num(1), num(2), num(3)),
                set(),
                set(num(-1), num(0), num(1)),
                set(num(0)),
                rec("a", num(1), "b", seq()),
                rec("b", num(1), "a", num(2)),
                rec("TRUE", str("TRUE"), "ELSE", str("ELSE"), "DOMAIN", str("DOMAIN"), "a_b", str("a_b"),
                        "_x", str("_x"), "1a", str("1a")),
                fn(str("a b"), num(1), str("1"), num(1), str("q\"x"), num(1), str(""), num(1)),
                rec("é", num(0), "ß1", num(0), "WF_", num(0)),
                fn(str("WF_x"), num(0), str("_"), num(0)),
                seq(num(1), num(4), num(9)),
                fn(mv("n1"), rec("a", set(mv("n1"))), mv("n2"), rec("a", set(mv("n2")))),
                fn(mv("n1"), str("one")),
                fn(rec("a", num(1)), seq(num(1))),
                fn(num(-1), num(-2), num(0), num(0), num(7), num(7)),
                fn(TRUE, num(1), FALSE, num(2)),
                set(mv("n1"), mv("n2"), mv("Nil")),
                set(set(), set(num(1)), set(num(2)), set(num(1), num(2))),
                set(seq(str("x"), str("x"))),
                set(rec("a", num(1), "b", str("x")), rec("a", num(2), "b", str("x"))),
                set(seq(num(1), num(3)), seq(num(2), num(3))),
                set(TRUE, FALSE),
                seq(seq(set()), set(seq()), set(set()), rec("f", rec("g", rec("h", seq(set(mv("n1"))))))),
                new TlaSet(multiplesOf7),
                new TlaSeq(nodes));
    }

    private static List<PrintedState> printedStates() {
        return TlcTraceFixture.states(TlcTraceFixture.resource("PrintedValues.tool.out"));
    }

    @Test
    void everyStateOfTheTraceParsesToTheValueTheSpecBuilt() {
        List<PrintedState> states = printedStates();
        List<TlaValue> cases = expectedCases();
        assertThat(states).hasSize(cases.size() + 1);
        assertThat(states.get(0).vars()).containsExactly(Map.entry("step", num(0)), Map.entry("v", str("start")));
        for (int k = 1; k < states.size(); k++) {
            Map<String, TlaValue> vars = states.get(k).vars();
            assertThat(vars.keySet()).as("state %d", k + 1).containsExactly("step", "v");
            assertThat(vars.get("step")).as("state %d", k + 1).isEqualTo(num(k));
            assertThat(vars.get("v")).as("state %d: %s", k + 1, states.get(k).body()).isEqualTo(cases.get(k - 1));
        }
    }

    @Test
    void printingAParsedValueGivesBackTlcsTextUpToLineWrapping() {
        for (PrintedState s : printedStates()) {
            String printed = TlcTraceFixture.printedValueOf(s.body(), "v");
            TlaValue parsed = s.vars().get("v");
            assertThat(parsed.toTla()).as("state %d", s.number()).isEqualTo(unwrap(printed));
        }
    }

    @Test
    void parsedValuesSurviveTheTlaAndJsonRoundTrips() {
        for (PrintedState s : printedStates()) {
            for (TlaValue v : s.vars().values()) {
                assertThat(TlaValues.parse(v.toTla())).isEqualTo(v);
                assertThat(TlaValueJson.fromJson(TlaValueJson.toJson(v))).isEqualTo(v);
            }
        }
    }

    @Test
    void intervalsStayIntervals() {
        TlaValue oneToThree = printedStates().get(12).vars().get("v");
        assertThat(oneToThree).isInstanceOfSatisfying(TlaSet.class, s -> {
            assertThat(s.isInterval()).isTrue();
            assertThat(s.toTla()).isEqualTo("1..3");
            assertThat(s.elements()).containsExactly(num(1), num(2), num(3));
        });
    }

    @Test
    void aSingleVariableIsPrintedWithoutConjunction() {
        List<PrintedState> states = TlcTraceFixture.states(TlcTraceFixture.resource("OneVariable.tool.out"));
        assertThat(states).extracting(PrintedState::vars).containsExactly(
                Map.of("x", rec("count", num(0), "log", seq())),
                Map.of("x", rec("count", num(1), "log", seq(num(0)))),
                Map.of("x", rec("count", num(2), "log", seq(num(0), num(1)))));
    }

    /** TLC wraps long values as "<< a,\n   b >>"; the single-line form is "<<a, b>>". */
    static String unwrap(String printed) {
        return printed.replaceAll("\\s*\\R\\s*", " ")
                .replace("<< ", "<<").replace(" >>", ">>")
                .replace("{ ", "{").replace(" }", "}");
    }
}
