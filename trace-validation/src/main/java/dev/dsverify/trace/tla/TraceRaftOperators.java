package dev.dsverify.trace.tla;

import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Java bodies of two definitions of TraceRaft.tla (specs/raft), for speed only: each computes exactly what its
 * TLA+ definition says.
 * <ul>
 *   <li>{@code TraceServers}: the TLA+ definition walks the whole log with set unions when the spec loads; this
 *       collects the same ids in one pass.</li>
 *   <li>{@code Same(a, b)}: {@code a = b}, answered at once when both are the very same value (an unchanged
 *       variable) instead of walking a long log element by element on every line.</li>
 * </ul>
 */
public final class TraceRaftOperators {
    private TraceRaftOperators() {
    }

    /** {@code a = b}, without walking the values when they are the same object. */
    @TLAPlusOperator(identifier = "Same", module = "TraceRaft", warn = false)
    public static Value same(Value a, Value b) {
        return a == b || a.equals(b) ? BoolValue.ValTrue : BoolValue.ValFalse;
    }

    private static Value serversOf;
    private static Value servers;

    /**
     * Every server id the log mentions (TraceRaft.tla's LineServers, over every line). TLC calls a zero-argument
     * override on every use (here: every mention of Raft's Server), so the set is computed once per log.
     */
    @TLAPlusOperator(identifier = "TraceServers", module = "TraceRaft", warn = false)
    public static synchronized Value traceServers() {
        Value streamed = LoadedLog.streamedServers();
        if (streamed != null) {
            return streamed; // collected by the first pass over the files, as LineServers defines it
        }
        Value log = LoadedLog.log();
        if (log != serversOf) {
            servers = collect((TupleValue) log);
            serversOf = log;
        }
        return servers;
    }

    private static Value collect(TupleValue log) {
        Set<Value> ids = new LinkedHashSet<>();
        for (Value line : log.elems) {
            RecordValue e = (RecordValue) line;
            ids.add(field(e, "node"));
            for (String m : new String[] {"msg", "reply"}) {
                Value msg = field(e, m);
                if (msg != null) {
                    ids.add(field((RecordValue) msg.toRcd(), "from"));
                    ids.add(field((RecordValue) msg.toRcd(), "to"));
                }
            }
            Value state = field(e, "state");
            if (state == null) {
                continue;
            }
            RecordValue s = (RecordValue) state.toRcd();
            for (String map : new String[] {"nextIndex", "matchIndex"}) {
                Value m = field(s, map);
                if (m instanceof RecordValue r) {
                    for (var name : r.names) {
                        ids.add(new StringValue(name));
                    }
                }
            }
            for (String set : new String[] {"votesGranted", "preVotesGranted"}) {
                if (field(s, set) instanceof TupleValue votes) {
                    ids.addAll(java.util.Arrays.asList(votes.elems));
                }
            }
            if (field(s, "votedFor") instanceof StringValue vote) {
                ids.add(vote);
            }
        }
        ids.remove(null);
        SetEnumValue set = new SetEnumValue(ids.toArray(new Value[0]), false);
        set.normalize();
        return set;
    }

    private static Value field(RecordValue r, String name) {
        for (int k = 0; k < r.names.length; k++) {
            if (r.names[k].toString().equals(name)) {
                return r.values[k];
            }
        }
        return null;
    }
}
