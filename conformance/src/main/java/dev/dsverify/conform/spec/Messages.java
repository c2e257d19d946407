package dev.dsverify.conform.spec;

import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.Value;
import util.UniqueString;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reading Raft.tla's message records and its bag of messages in flight. */
public final class Messages {
    private Messages() {
    }

    /** A field of a record value, or null. */
    public static Value field(Value record, String name) {
        if (!(record instanceof RecordValue r)) {
            return null;
        }
        UniqueString key = UniqueString.uniqueStringOf(name);
        for (int k = 0; k < r.names.length; k++) {
            if (r.names[k].equals(key)) {
                return r.values[k];
            }
        }
        return null;
    }

    /** A message as {@code RequestVoteRequest s1->s2 t1}; any other value as TLC prints it. */
    public static String brief(Value v) {
        Value type = field(v, "type");
        if (type == null) {
            return v.toString();
        }
        return unquote(type.toString()) + " " + field(v, "from") + "->" + field(v, "to") + " t" + field(v, "term");
    }

    /** A bag (a function from elements to counts) as a map; the empty bag gives an empty map. */
    public static Map<Value, Integer> bag(Value bag) {
        FcnRcdValue f = (FcnRcdValue) bag.toFcnRcd();
        Map<Value, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < f.domain.length; k++) {
            counts.merge(f.domain[k], ((IntValue) f.values[k]).val, Integer::sum);
        }
        return counts;
    }

    /** What a step did to a bag: positive counts were added, negative ones removed. */
    public static Map<Value, Integer> change(Value before, Value after) {
        Map<Value, Integer> d = new LinkedHashMap<>();
        bag(after).forEach((m, n) -> d.merge(m, n, Integer::sum));
        bag(before).forEach((m, n) -> d.merge(m, -n, Integer::sum));
        d.values().removeIf(n -> n == 0);
        return d;
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
