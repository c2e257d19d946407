package dev.dsverify.runner.value;

import static dev.dsverify.runner.value.TestValues.TRUE;
import static dev.dsverify.runner.value.TestValues.fn;
import static dev.dsverify.runner.value.TestValues.mv;
import static dev.dsverify.runner.value.TestValues.num;
import static dev.dsverify.runner.value.TestValues.rec;
import static dev.dsverify.runner.value.TestValues.seq;
import static dev.dsverify.runner.value.TestValues.set;
import static dev.dsverify.runner.value.TestValues.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlaValueJsonTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(TlaValueJson.module());

    private static String json(TlaValue v) {
        return TlaValueJson.toJson(v).toString();
    }

    private static TlaValue value(String json) throws Exception {
        return TlaValueJson.fromJson(PLAIN.readTree(json));
    }

    /** The examples of VALUES.md, both directions. */
    @Test
    void theDocumentedMapping() throws Exception {
        Map<TlaValue, String> table = Map.ofEntries(
                Map.entry(num(42), "42"),
                Map.entry(num(-3), "-3"),
                Map.entry(num("123456789012345678901234567890"), "123456789012345678901234567890"),
                Map.entry(str("a\"b\n"), "\"a\\\"b\\n\""),
                Map.entry(TRUE, "true"),
                Map.entry(mv("n1"), "{\"model\":\"n1\"}"),
                Map.entry(seq(num(1), num(2)), "{\"seq\":[1,2]}"),
                Map.entry(set(num(1), num(2)), "{\"set\":[1,2]}"),
                Map.entry(rec("b", num(1), "a", seq()), "{\"record\":{\"b\":1,\"a\":{\"seq\":[]}}}"),
                Map.entry(fn(mv("n1"), num(1), mv("n2"), num(2)),
                        "{\"fn\":[[{\"model\":\"n1\"},1],[{\"model\":\"n2\"},2]]}"),
                Map.entry(fn(str("a b"), set()), "{\"fn\":[[\"a b\",{\"set\":[]}]]}"));
        for (Map.Entry<TlaValue, String> e : table.entrySet()) {
            assertThat(json(e.getKey())).as(e.getKey().toTla()).isEqualTo(e.getValue());
            assertThat(value(e.getValue())).as(e.getValue()).isEqualTo(e.getKey());
            assertThat(MAPPER.writeValueAsString(e.getKey())).isEqualTo(e.getValue());
            assertThat(MAPPER.readValue(e.getValue(), TlaValue.class)).isEqualTo(e.getKey());
        }
        assertThat(json(TlaSet.interval(BigInteger.ONE, BigInteger.valueOf(3)))).isEqualTo("{\"set\":[1,2,3]}");
    }

    @Test
    void intStringAndModelValueStayApart() throws Exception {
        List<TlaValue> lookalikes = List.of(num(1), str("1"), mv("n1"), str("n1"), seq(num(1)), set(num(1)),
                rec("n1", num(1)), fn(mv("n1"), num(1)), fn(str("n1"), num(1)), TRUE, str("TRUE"));
        for (TlaValue a : lookalikes) {
            TlaValue back = value(json(a));
            assertThat(back).isEqualTo(a).hasSameClassAs(a);
            for (TlaValue b : lookalikes) {
                if (a != b) {
                    assertThat(json(a)).isNotEqualTo(json(b));
                }
            }
        }
    }

    @Test
    void recordFieldOrderIsKept() throws Exception {
        TlaRecord r = (TlaRecord) value("{\"record\":{\"z\":1,\"a\":2,\"m\":3}}");
        assertThat(r.fields().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void jacksonModuleWorksInsideOtherTypes() throws Exception {
        record State(int number, Map<String, TlaValue> vars) {
        }
        State s = new State(3, Map.of("x", set(mv("n1"))));
        String text = MAPPER.writeValueAsString(s);
        assertThat(text).isEqualTo("{\"number\":3,\"vars\":{\"x\":{\"set\":[{\"model\":\"n1\"}]}}}");
        assertThat(MAPPER.readValue(text, State.class)).isEqualTo(s);
        assertThat(MAPPER.readValue("{\"set\":[1]}", TlaSet.class)).isEqualTo(set(num(1)));
        assertThatThrownBy(() -> MAPPER.readValue("{\"seq\":[1]}", TlaSet.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("expected a TLA+ TlaSet");
        assertThatThrownBy(() -> MAPPER.readValue("{\"vars\":{\"x\":[1]}}", State.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("a bare array is ambiguous");
    }

    @Test
    void malformedJsonIsRejectedWithItsPointer() {
        rejects("[1, 2]", "at /: a bare array is ambiguous");
        rejects("null", "at /: expected a number, string, boolean or object, found null");
        rejects("1.5", "at /: number 1.5 is not an integer");
        rejects("{}", "at /: expected an object with exactly one of the keys");
        rejects("{\"seq\":[], \"set\":[]}", "found 2 keys");
        rejects("{\"list\":[]}", "at /: unknown kind \"list\"");
        rejects("{\"seq\":{}}", "at /seq: expected an array, found object");
        rejects("{\"seq\":[1, {\"set\":[2, 3.0]}]}", "at /seq/1/set/1: number 3.0 is not an integer");
        rejects("{\"model\":1}", "at /model: a model value name must be a string");
        rejects("{\"model\":\"a b\"}", "at /model: model value name \"a b\" is not a TLA+ identifier");
        rejects("{\"record\":[]}", "at /record: record fields must be an object");
        rejects("{\"record\":{\"a/b\":1}}", "at /record/a~1b: field name \"a/b\" is not a TLA+ identifier");
        rejects("{\"record\":{\"ok\":[]}}", "at /record/ok: a bare array");
        rejects("{\"fn\":{}}", "at /fn: a function must be an array of [key, value] pairs");
        rejects("{\"fn\":[[1]]}", "at /fn/0: expected a [key, value] pair");
        rejects("{\"fn\":[[1, 2], [1, 3]]}", "at /fn/1/0: key 1 already mapped at /fn/0");
        assertThatThrownBy(() -> TlaValueJson.fromJson(null)).isInstanceOf(IllegalArgumentException.class);
        com.fasterxml.jackson.databind.node.ArrayNode tooDeep = PLAIN.createArrayNode();
        com.fasterxml.jackson.databind.node.ArrayNode inner = tooDeep;
        for (int i = 0; i <= 3 * TlaValues.MAX_DEPTH + 1; i++) {
            inner = inner.addArray();
        }
        assertThatThrownBy(() -> TlaValueJson.fromJson(tooDeep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed TLA+ value JSON at /: JSON nested deeper than 3001 levels");
    }

    private static void rejects(String json, String messagePart) {
        assertThatThrownBy(() -> value(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed TLA+ value JSON")
                .hasMessageContaining(messagePart);
    }

    @Test
    void bigIntegersStayExact() throws Exception {
        TlaInt big = num("-98765432109876543210987654321");
        JsonNode n = TlaValueJson.toJson(big);
        assertThat(n.isBigInteger()).isTrue();
        assertThat(value(n.toString())).isEqualTo(big);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(big), TlaValue.class)).isEqualTo(big);
        assertThat(json(num(Long.MIN_VALUE))).isEqualTo(Long.toString(Long.MIN_VALUE));
    }
}
