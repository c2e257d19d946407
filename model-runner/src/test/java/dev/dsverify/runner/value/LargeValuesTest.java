package dev.dsverify.runner.value;

import static dev.dsverify.runner.value.TestValues.num;
import static dev.dsverify.runner.value.TestValues.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Wide and deep values parse without recursion trouble; nesting beyond the limit fails clearly. */
class LargeValuesTest {

    @Test
    void aSetOfFiftyThousandIntegers() {
        StringBuilder text = new StringBuilder("{");
        List<TlaValue> expected = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            text.append(i == 0 ? "" : ",\n  ").append(i * 3 - 70_000);
            expected.add(num(i * 3 - 70_000L));
        }
        TlaValue parsed = TlaValues.parse(text.append('}').toString());
        assertThat(parsed).isEqualTo(new TlaSet(expected));
        assertThat(((TlaSet) parsed).size()).isEqualTo(50_000);
        assertThat(TlaValueJson.fromJson(TlaValueJson.toJson(parsed))).isEqualTo(parsed);
    }

    @Test
    void aLongSequenceOfRecords() {
        String text = "<<" + "[id |-> 1, name |-> \"x\", peers |-> {n1, n2}], ".repeat(10_000) + "[id |-> 2]>>";
        TlaSeq parsed = (TlaSeq) TlaValues.parse(text);
        assertThat(parsed.size()).isEqualTo(10_001);
        assertThat(parsed.get(10_001)).isEqualTo(TestValues.rec("id", num(2)));
    }

    @Test
    void aSequenceNestedTwoHundredLevelsSurvivesEveryRoundTrip() throws Exception {
        TlaValue deep = nest(200, v -> seq(v), num(7));
        String text = deep.toTla();
        assertThat(text).startsWith("<<<<<<").endsWith("7" + ">>".repeat(200));
        assertThat(TlaValues.parse(text)).isEqualTo(deep);
        ObjectMapper mapper = new ObjectMapper().registerModule(TlaValueJson.module());
        assertThat(mapper.readValue(mapper.writeValueAsString(deep), TlaValue.class)).isEqualTo(deep);
    }

    /** The documented promise: at the depth limit everything works on a default-size (1 MiB) thread stack. */
    @Test
    void everyKindAtTheDepthLimitWorksOnAOneMebibyteStack() throws Exception {
        List<UnaryOperator<TlaValue>> wrappers = List.of(
                v -> seq(v),
                v -> TestValues.set(v),
                v -> TestValues.rec("a", v),
                v -> TestValues.fn(num(1), v),
                v -> TestValues.fn(v, num(1)));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                for (UnaryOperator<TlaValue> wrap : wrappers) {
                    TlaValue deep = nest(TlaValues.MAX_DEPTH, wrap, TestValues.str("bottom"));
                    TlaValue parsed = TlaValues.parse(deep.toTla());
                    assertThat(parsed).isEqualTo(deep).hasSameHashCodeAs(deep);
                    assertThat(TlaValueJson.fromJson(TlaValueJson.toJson(parsed))).isEqualTo(deep);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "one-mebibyte-stack", 1024 * 1024);
        worker.start();
        worker.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void deepValuesParseEvenOnASmallCallerStack() throws Exception {
        String text = nest(TlaValues.MAX_DEPTH, v -> TestValues.rec("a", v), num(1)).toTla();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(TlaValues.parse(text).getClass());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(outcome.get()).isEqualTo(TlaRecord.class);
    }

    @Test
    void nestingBeyondTheLimitIsAClearError() {
        int depth = TlaValues.MAX_DEPTH + 1;
        String text = "<<".repeat(depth) + ">>".repeat(depth);
        assertThatThrownBy(() -> TlaValues.parse(text)).isInstanceOf(ValueParseException.class)
                .hasMessageStartingWith("line 1, column " + (2 * TlaValues.MAX_DEPTH + 1)
                        + ": value nested deeper than " + TlaValues.MAX_DEPTH + " levels");
        String sets = "{".repeat(depth) + "}".repeat(depth);
        assertThatThrownBy(() -> TlaValues.parse(sets)).isInstanceOf(ValueParseException.class)
                .hasMessageStartingWith("line 1, column " + depth + ": value nested deeper");
        String inString = "\"" + "{".repeat(depth) + "\"";
        assertThat(TlaValues.parse(inString)).isEqualTo(TestValues.str("{".repeat(depth)));
    }

    private static TlaValue nest(int depth, UnaryOperator<TlaValue> wrap, TlaValue bottom) {
        TlaValue v = bottom;
        for (int i = 0; i < depth; i++) {
            v = wrap.apply(v);
        }
        return v;
    }
}
