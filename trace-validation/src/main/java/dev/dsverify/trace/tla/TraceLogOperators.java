package dev.dsverify.trace.tla;

import dev.dsverify.trace.log.TraceEvent;
import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

import java.util.List;

/**
 * Java bodies of the operators of TraceLog.tla. The trace is read from NDJSON with Jackson and built directly
 * as TLC values; no TLA+ text is generated.
 */
public final class TraceLogOperators {
    private TraceLogOperators() {
    }

    /** The merged trace as a sequence of event records (see {@link EventEncoder}). */
    @TLAPlusOperator(identifier = "TraceLog", module = "TraceLog", warn = true)
    public static Value traceLog() {
        List<TraceEvent> events = LoadedTrace.events();
        Value[] out = new Value[events.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = EventEncoder.encode(events.get(k));
        }
        return new TupleValue(out);
    }

    /** {@code a = b}, without walking the values when they are the same object. */
    @TLAPlusOperator(identifier = "Same", module = "TraceLog", warn = true)
    public static Value same(Value a, Value b) {
        return a == b || a.equals(b) ? BoolValue.ValTrue : BoolValue.ValFalse;
    }

    /** The node ids the trace mentions. */
    @TLAPlusOperator(identifier = "TraceServers", module = "TraceLog", warn = true)
    public static Value traceServers() {
        Value[] ids = LoadedTrace.servers().stream().map(StringValue::new).toArray(Value[]::new);
        SetEnumValue set = new SetEnumValue(ids, false);
        set.normalize();
        return set;
    }
}
