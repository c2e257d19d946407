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

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlaValuesParseTest {

    private static TlaValue parse(String s) {
        return TlaValues.parse(s);
    }

    @Test
    void scalars() {
        assertThat(parse("0")).isEqualTo(num(0));
        assertThat(parse("-3")).isEqualTo(num(-3));
        assertThat(parse("123456789012345678901234567890"))
                .isEqualTo(new TlaInt(new BigInteger("123456789012345678901234567890")));
        assertThat(parse("-123456789012345678901234567890")).isEqualTo(num("-123456789012345678901234567890"));
        assertThat(parse("TRUE")).isEqualTo(TRUE);
        assertThat(parse("FALSE")).isEqualTo(FALSE);
        assertThat(parse("n1")).isEqualTo(mv("n1"));
        assertThat(parse("a_b")).isEqualTo(mv("a_b"));
        assertThat(parse("Nil")).isEqualTo(mv("Nil"));
        assertThat(parse("TRUEish")).isEqualTo(mv("TRUEish"));
        assertThat(parse("1a")).isEqualTo(mv("1a"));
    }

    @Test
    void stringsDecodeTheSixEscapesTlcPrints() {
        assertThat(parse("\"a\\\"b\\\\c\\nd\\te\\rf\\fg\"")).isEqualTo(str("a\"b\\c\nd\te\rf\fg"));
        assertThat(parse("\"\"")).isEqualTo(str(""));
        assertThat(parse("\"üñí€ 😀 \u0001\"")).isEqualTo(str("üñí€ 😀 \u0001"));
        assertThat(parse("\"<<{[(:> @@ |->)]}>>\"")).isEqualTo(str("<<{[(:> @@ |->)]}>>"));
    }

    @Test
    void stringsPrintTheSixEscapesAndEverythingElseRaw() {
        assertThat(str("a\"b\\c\nd\te\rf\fg").toTla()).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\rf\\fg\"");
        assertThat(str("ü😀\u0001").toTla()).isEqualTo("\"ü😀\u0001\"");
    }

    @Test
    void collections() {
        assertThat(parse("<<>>")).isEqualTo(seq());
        assertThat(parse("<< >>")).isEqualTo(seq());
        assertThat(parse("<<1, \"x\", n1>>")).isEqualTo(seq(num(1), str("x"), mv("n1")));
        assertThat(parse("{}")).isEqualTo(set());
        assertThat(parse("{1, 2}")).isEqualTo(set(num(2), num(1)));
        assertThat(parse("[a |-> 1, b |-> <<>>]")).isEqualTo(rec("b", seq(), "a", num(1)));
        assertThat(parse("(a :> 1)")).isEqualTo(fn(mv("a"), num(1)));
        assertThat(parse("(a :> 1 @@ b :> 2)")).isEqualTo(fn(mv("b"), num(2), mv("a"), num(1)));
        assertThat(parse("(\"x\" :> {1} @@ <<1>> :> [f |-> 2] @@ (k :> 1) :> 3)"))
                .isEqualTo(fn(str("x"), set(num(1)), seq(num(1)), rec("f", num(2)), fn(mv("k"), num(1)), num(3)));
    }

    @Test
    void recordFieldsMayLookLikeKeywordsOrStartWithADigit() {
        assertThat(parse("[DOMAIN |-> 1, TRUE |-> 2, FALSE |-> 3, ELSE |-> 4, 1a |-> 5, _x |-> 6]"))
                .isEqualTo(rec("DOMAIN", num(1), "TRUE", num(2), "FALSE", num(3), "ELSE", num(4), "1a", num(5),
                        "_x", num(6)));
        assertThat(parse("[é |-> 1, ß1 |-> 2, WF_ |-> 3]")).isEqualTo(rec("é", num(1), "ß1", num(2), "WF_", num(3)));
    }

    @Test
    void intervals() {
        assertThat(parse("1..3")).isEqualTo(set(num(1), num(2), num(3)));
        assertThat(parse("-2..-1")).isEqualTo(set(num(-1), num(-2)));
        assertThat(parse("3..1")).isEqualTo(set());
        assertThat(parse("1 .. 3").toTla()).isEqualTo("1..3");
        TlaSet big = (TlaSet) parse("1..2000000000");
        assertThat(big.size()).isEqualTo(2_000_000_000);
        assertThat(big.contains(num(1_999_999_999))).isTrue();
        assertThat(big.contains(num(0))).isFalse();
        assertThat(big).isEqualTo(TlaSet.interval(BigInteger.ONE, BigInteger.valueOf(2_000_000_000)));
        assertThat(big).isNotEqualTo(TlaSet.interval(BigInteger.TWO, BigInteger.valueOf(2_000_000_001)));
    }

    @Test
    void whitespaceAndLineWrappingAreInsignificant() {
        String wrapped = "<< [id |-> 1, name |-> \"node\"],\n   [id |-> 2,\tname |-> \"node\"] >>\r\n";
        assertThat(parse(wrapped)).isEqualTo(seq(rec("id", num(1), "name", str("node")),
                rec("id", num(2), "name", str("node"))));
        assertThat(parse("<<<<1>>>>")).isEqualTo(seq(seq(num(1))));
    }

    @Test
    void orderIsKeptForPrintingButIgnoredByEquality() {
        TlaValue r = parse("[b |-> 1, a |-> 2]");
        assertThat(r.toTla()).isEqualTo("[b |-> 1, a |-> 2]");
        assertThat(r).isEqualTo(parse("[a |-> 2, b |-> 1]")).hasSameHashCodeAs(parse("[a |-> 2, b |-> 1]"));
        TlaValue s = parse("{3, 1, 2}");
        assertThat(s.toTla()).isEqualTo("{3, 1, 2}");
        assertThat(s).isEqualTo(parse("{1, 2, 3}")).hasSameHashCodeAs(parse("{1, 2, 3}"));
        assertThat(parse("<<1, 2>>")).isNotEqualTo(parse("<<2, 1>>"));
    }

    @Test
    void assignmentsKeepTheOrderTlcPrinted() {
        Map<String, TlaValue> vars = TlaValues.parseAssignments(
                "/\\ z = 1\n/\\ a = << <<1, 2, 3>>,\n   (n1 :> n1 @@ n2 :> n2) >>\n/\\ m = [x |-> {}]\n");
        assertThat(vars).containsExactly(
                Map.entry("z", num(1)),
                Map.entry("a", seq(seq(num(1), num(2), num(3)), fn(mv("n1"), mv("n1"), mv("n2"), mv("n2")))),
                Map.entry("m", rec("x", set())));
    }

    @Test
    void aSingleAssignmentNeedsNoConjunction() {
        assertThat(TlaValues.parseAssignments("x = <<1>>\n")).containsExactly(Map.entry("x", seq(num(1))));
        assertThat(TlaValues.parseAssignments("/\\ x = <<1>>")).containsExactly(Map.entry("x", seq(num(1))));
        assertThat(TlaValues.parseAssignments(" \n")).isEmpty();
    }

    @Test
    void valuesMayContainWhatLooksLikeAnAssignment() {
        assertThat(TlaValues.parseAssignments("/\\ x = \"/\\\\ y = 1\"\n/\\ y = 2"))
                .containsExactly(Map.entry("x", str("/\\ y = 1")), Map.entry("y", num(2)));
    }
}
