package dev.dsverify.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Java values into the JSON that trace validation maps to TLA+ (object → record, array → sequence,
 * string, integer, boolean). Refused here, at the call that logs them, rather than later as bad input: null,
 * fractions, and integers outside TLC's 32-bit range. A {@link Set} becomes an array in a stable order (by its JSON text),
 * so the same set always logs the same line; a trace spec turns it back into a set with {@code ToSet}.
 */
final class Values {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** TLC's integers are 32-bit: a larger logged integer could not be compared with the spec's. */
    private static final BigInteger MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private Values() {
    }

    static JsonNode toJson(String field, Object v) {
        if (v == null) {
            throw new TraceException("field '" + field + "' is null: a trace has no null (log an empty value, "
                    + "or leave the field out)");
        }
        if (v instanceof JsonNode n) {
            return n;
        }
        if (v instanceof String s) {
            return F.textNode(s);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return F.numberNode(((Number) v).intValue());
        }
        if (v instanceof Long || v instanceof BigInteger) {
            BigInteger b = v instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) v;
            if (b.compareTo(MIN) < 0 || b.compareTo(MAX) > 0) {
                throw new TraceException("field '" + field + "' is " + b
                        + ", outside TLC's 32-bit integers (-2147483648..2147483647)");
            }
            return F.numberNode(b.longValue());
        }
        if (v instanceof Number) {
            throw new TraceException("field '" + field + "' is " + v + ": traces hold integers only");
        }
        if (v instanceof Character c) {
            return F.textNode(c.toString());
        }
        if (v instanceof Enum<?> e) {
            return F.textNode(e.name());
        }
        if (v instanceof Optional<?> o) {
            return o.isPresent() ? toJson(field, o.get()) : F.arrayNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = F.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), toJson(field + "." + k, x)));
            return o;
        }
        if (v instanceof Set<?> s) {
            List<JsonNode> items = new ArrayList<>();
            s.forEach(x -> items.add(toJson(field + "[]", x)));
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode a = F.arrayNode();
            items.forEach(a::add);
            return a;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = F.arrayNode();
            int i = 1;
            for (Object x : c) {
                a.add(toJson(field + "[" + i++ + "]", x));
            }
            return a;
        }
        if (v.getClass().isArray()) {
            ArrayNode a = F.arrayNode();
            for (int i = 0; i < Array.getLength(v); i++) {
                a.add(toJson(field + "[" + (i + 1) + "]", Array.get(v, i)));
            }
            return a;
        }
        if (v instanceof Record r) {
            ObjectNode o = F.objectNode();
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    o.set(rc.getName(), toJson(field + "." + rc.getName(), rc.getAccessor().invoke(r)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new TraceException("field '" + field + "': cannot read " + rc.getName(), e);
                }
            }
            return o;
        }
        throw new TraceException("field '" + field + "' is a " + v.getClass().getName()
                + ": log strings, integers, booleans, maps, lists, sets, arrays or records");
    }
}
