package dev.dsverify.runner.value;

import static dev.dsverify.runner.value.TestValues.fn;
import static dev.dsverify.runner.value.TestValues.mv;
import static dev.dsverify.runner.value.TestValues.num;
import static dev.dsverify.runner.value.TestValues.rec;
import static dev.dsverify.runner.value.TestValues.seq;
import static dev.dsverify.runner.value.TestValues.set;
import static dev.dsverify.runner.value.TestValues.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlaValueEqualityTest {

    @Test
    void setsIgnoreOrderAndDuplicates() {
        TlaSet s = set(num(1), num(2), num(1));
        assertThat(s.elements()).containsExactly(num(1), num(2));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s).isEqualTo(set(num(2), num(1))).hasSameHashCodeAs(set(num(2), num(1)));
        assertThat(s).isNotEqualTo(set(num(1))).isNotEqualTo(set(num(1), num(3)));
    }

    @Test
    void anIntervalEqualsTheEnumeratedSet() {
        TlaSet interval = TlaSet.interval(BigInteger.valueOf(-1), BigInteger.ONE);
        TlaSet enumerated = set(num(1), num(0), num(-1));
        assertThat(interval).isEqualTo(enumerated).hasSameHashCodeAs(enumerated);
        assertThat(enumerated).isEqualTo(interval);
        assertThat(interval).isNotEqualTo(set(num(1), num(0), num(2)));
        assertThat(set(num(1), num(0), num(2))).isNotEqualTo(interval);
        assertThat(TlaSet.interval(BigInteger.TWO, BigInteger.ONE)).isEqualTo(set());
        assertThatThrownBy(() -> interval.elements().add(num(5))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void recordsAndFunctionsIgnoreOrder() {
        assertThat(rec("a", num(1), "b", num(2))).isEqualTo(rec("b", num(2), "a", num(1)))
                .hasSameHashCodeAs(rec("b", num(2), "a", num(1)));
        assertThat(rec("a", num(1))).isNotEqualTo(rec("a", num(2))).isNotEqualTo(rec("b", num(1)));
        assertThat(fn(mv("x"), num(1), mv("y"), num(2))).isEqualTo(fn(mv("y"), num(2), mv("x"), num(1)))
                .hasSameHashCodeAs(fn(mv("y"), num(2), mv("x"), num(1)));
        assertThat(fn(mv("x"), num(1), mv("y"), num(2))).isNotEqualTo(fn(mv("x"), num(2), mv("y"), num(1)));
    }

    @Test
    void kindsStayDistinct() {
        assertThat(num(1)).isNotEqualTo(str("1"));
        assertThat(str("n1")).isNotEqualTo(mv("n1"));
        assertThat(seq(num(1))).isNotEqualTo(set(num(1)));
        assertThat(set()).isNotEqualTo(seq());
        assertThat(rec("a", num(1))).isNotEqualTo(fn(str("a"), num(1)));
    }

    @Test
    void theEmptyFunctionIsOneValueWhateverItsKind() {
        TlaRecord emptyRecord = new TlaRecord(Map.of());
        TlaFunction emptyFunction = new TlaFunction(List.of());
        for (TlaValue a : List.<TlaValue>of(seq(), emptyRecord, emptyFunction)) {
            for (TlaValue b : List.<TlaValue>of(seq(), emptyRecord, emptyFunction)) {
                assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            }
            assertThat(a.toTla()).isEqualTo("<<>>");
            assertThat(a).isNotEqualTo(set());
        }
    }

    @Test
    void valuesAreImmutable() {
        List<TlaValue> source = new ArrayList<>(List.of(num(1)));
        TlaSeq s = new TlaSeq(source);
        source.add(num(2));
        assertThat(s.elements()).containsExactly(num(1));
        assertThatThrownBy(() -> s.elements().add(num(3))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rec("a", num(1)).fields().put("b", num(2)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesThatCannotBePrintedAreRejected() {
        assertThatThrownBy(() -> rec("a b", num(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"a b\" is not a TLA+ identifier");
        assertThatThrownBy(() -> rec("12", num(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rec("_", num(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rec("WF_x", num(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(rec("é", num(1), "WF_", num(2), "1a", num(3)).fields()).hasSize(3);
        assertThatThrownBy(() -> mv("TRUE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mv("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fn(num(1), num(1), num(1), num(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key 1 mapped twice");
    }

    @Test
    void accessors() {
        assertThat(seq(num(5), num(6)).get(2)).isEqualTo(num(6));
        assertThatThrownBy(() -> seq(num(5)).get(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(rec("a", num(1)).get("a")).isEqualTo(num(1));
        assertThat(fn(mv("k"), num(1)).apply(mv("k"))).isEqualTo(num(1));
        assertThat(fn(mv("k"), num(1)).apply(mv("j"))).isNull();
        assertThat(fn(mv("k"), num(1), mv("j"), num(2)).asMap()).containsExactly(
                Map.entry(mv("k"), num(1)), Map.entry(mv("j"), num(2)));
    }

    @Test
    void functionsCanBeBuiltInTheFormTlcPrints() {
        assertThat(TlaValues.function(fn(num(2), str("b"), num(1), str("a")).mappings()))
                .isEqualTo(seq(str("a"), str("b")));
        assertThat(TlaValues.function(fn(str("b"), num(1), str("é"), num(2)).mappings()))
                .isEqualTo(rec("b", num(1), "é", num(2)));
        assertThat(TlaValues.function(fn(str("a b"), num(1)).mappings())).isEqualTo(fn(str("a b"), num(1)));
        assertThat(TlaValues.function(fn(num(0), num(1)).mappings())).isEqualTo(fn(num(0), num(1)));
        assertThat(TlaValues.function(fn(num(1), num(1), num(3), num(3)).mappings()))
                .isEqualTo(fn(num(1), num(1), num(3), num(3)));
        assertThat(TlaValues.function(fn(mv("n1"), num(1)).mappings())).isEqualTo(fn(mv("n1"), num(1)));
        assertThat(TlaValues.function(List.of())).isEqualTo(seq());
    }
}
