package dev.dsverify.trace.tla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.trace.log.Message;
import dev.dsverify.trace.log.TraceEvent;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a validated trace line into the TLA+ record TraceRaft.tla reads. The shapes mirror the contract:
 *
 * <pre>
 * [event |-> "HandleAppendEntriesRequest", node |-> "n1", line |-> 17,
 *  msg |-> [type |-> ..., from |-> ..., to |-> ..., term |-> ..., (type's fields)],   \* without clock
 *  reply |-> [...], state |-> [currentTerm |-> 3, log |-> [len |-> 2, from |-> 2, entries |-> &lt;&lt;[term |-> 3, value |-> "x"]&gt;&gt;]]]
 * </pre>
 *
 * {@code msg} and {@code reply} are present only when the line has them; {@code state} holds only the logged
 * fields. A message's {@code clock} is dropped: it orders the log and is not part of the spec's message.
 * JSON null (only {@code votedFor}) becomes the empty sequence and a node id n becomes {@code <<n>>}, because a
 * TLA+ record cannot hold "nothing"; TraceRaft maps it to the spec's Nil. Node ids stay strings.
 */
public final class EventEncoder {
    private EventEncoder() {
    }

    public static Value encode(TraceEvent e) {
        Map<String, Value> fields = new TreeMap<>();
        fields.put("event", new StringValue(e.kind().name()));
        fields.put("node", new StringValue(e.node()));
        fields.put("line", IntValue.gen(e.line()));
        if (e.msg() != null) {
            fields.put("msg", message(e.msg()));
        }
        if (e.reply() != null) {
            fields.put("reply", message(e.reply()));
        }
        fields.put("state", state(e.state()));
        return record(fields);
    }

    public static Value message(Message m) {
        Map<String, Value> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("clock")) {
                continue;
            }
            fields.put(f.getKey(), f.getKey().equals("entries") ? entries(f.getValue()) : scalar(f.getValue()));
        }
        return record(fields);
    }

    private static Value state(ObjectNode state) {
        Map<String, Value> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            Value encoded = switch (f.getKey()) {
                case "votedFor" -> v.isNull() ? new TupleValue(new Value[0]) : new TupleValue(new StringValue(v.textValue()));
                case "votesGranted" -> {
                    TreeSet<String> ids = new TreeSet<>();
                    v.forEach(n -> ids.add(n.textValue()));
                    Value[] elems = ids.stream().map(StringValue::new).toArray(Value[]::new);
                    yield new SetEnumValue(elems, false);
                }
                case "nextIndex", "matchIndex" -> {
                    TreeMap<String, Integer> map = new TreeMap<>();
                    v.fields().forEachRemaining(kv -> map.put(kv.getKey(), kv.getValue().intValue()));
                    Value[] dom = map.keySet().stream().map(StringValue::new).toArray(Value[]::new);
                    Value[] rng = map.values().stream().map(IntValue::gen).toArray(Value[]::new);
                    yield new FcnRcdValue(dom, rng, false);
                }
                case "log" -> {
                    Map<String, Value> log = new TreeMap<>();
                    log.put("len", IntValue.gen(v.get("len").intValue()));
                    log.put("from", IntValue.gen(v.get("from").intValue()));
                    log.put("entries", entries(v.get("entries")));
                    yield record(log);
                }
                default -> scalar(v);
            };
            fields.put(f.getKey(), encoded);
        }
        return record(fields);
    }

    private static Value entries(JsonNode arr) {
        List<Value> out = new ArrayList<>(arr.size());
        for (JsonNode entry : arr) {
            Map<String, Value> f = new TreeMap<>();
            f.put("term", IntValue.gen(entry.get("term").intValue()));
            f.put("value", new StringValue(entry.get("value").textValue()));
            out.add(record(f));
        }
        return new TupleValue(out.toArray(new Value[0]));
    }

    private static Value scalar(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue() ? BoolValue.ValTrue : BoolValue.ValFalse;
        }
        if (v.isIntegralNumber()) {
            return IntValue.gen(v.intValue());
        }
        return new StringValue(v.textValue());
    }

    /** A record with its fields in name order, the normal form TLC compares and fingerprints. */
    static Value record(Map<String, Value> sorted) {
        UniqueString[] names = new UniqueString[sorted.size()];
        Value[] values = new Value[sorted.size()];
        int k = 0;
        for (Map.Entry<String, Value> f : sorted.entrySet()) {
            names[k] = UniqueString.uniqueStringOf(f.getKey());
            values[k] = f.getValue();
            k++;
        }
        RecordValue r = new RecordValue(names, values, false);
        r.deepNormalize();
        return r;
    }
}
