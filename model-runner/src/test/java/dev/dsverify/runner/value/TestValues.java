package dev.dsverify.runner.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short constructors so that expected values in tests read like the TLA+ they stand for. */
final class TestValues {
    static final TlaBool TRUE = TlaBool.TRUE;
    static final TlaBool FALSE = TlaBool.FALSE;

    private TestValues() {
    }

    static TlaInt num(long v) {
        return TlaInt.of(v);
    }

    static TlaInt num(String digits) {
        return new TlaInt(new BigInteger(digits));
    }

    static TlaString str(String s) {
        return new TlaString(s);
    }

    static TlaModelValue mv(String name) {
        return new TlaModelValue(name);
    }

    static TlaSeq seq(TlaValue... elements) {
        return new TlaSeq(List.of(elements));
    }

    static TlaSet set(TlaValue... elements) {
        return new TlaSet(List.of(elements));
    }

    /** rec("a", v1, "b", v2) is [a |-> v1, b |-> v2]. */
    static TlaRecord rec(Object... namesAndValues) {
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], (TlaValue) namesAndValues[i + 1]);
        }
        return new TlaRecord(fields);
    }

    /** fn(k1, v1, k2, v2) is (k1 :> v1 @@ k2 :> v2). */
    static TlaFunction fn(TlaValue... keysAndValues) {
        List<TlaFunction.Mapping> mappings = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            mappings.add(new TlaFunction.Mapping(keysAndValues[i], keysAndValues[i + 1]));
        }
        return new TlaFunction(mappings);
    }
}
