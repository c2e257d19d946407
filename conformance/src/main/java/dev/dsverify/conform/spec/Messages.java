package dev.dsverify.conform.spec;

import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.Value;
import util.UniqueString;


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

    /** Raft.tla's bag of messages (a function from records to counts) as a {@link Bag}. */
    public static Bag bag(Value bag) {
        FcnRcdValue f = (FcnRcdValue) bag.toFcnRcd();
        Bag out = new Bag();
        for (int k = 0; k < f.domain.length; k++) {
            out.add(f.domain[k], ((IntValue) f.values[k]).val);
        }
        return out;
    }

    /** What a step did to a bag: positive counts were added, negative ones removed. */
    public static Bag change(Value before, Value after) {
        return bag(after).minus(bag(before));
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
