package dev.dsverify.conform.code;

import dev.dsverify.conform.spec.Bag;
import dev.dsverify.conform.spec.SpecModel;
import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.InstallSnapshotRequest;
import dev.dsverify.raft.core.InstallSnapshotResponse;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.PreVoteRequest;
import dev.dsverify.raft.core.PreVoteResponse;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.core.RequestVoteResponse;
import dev.dsverify.raft.core.Snapshot;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code's state seen through Raft.tla's variables, as TLC values of the loaded model: server ids are the
 * model's server values of the same name, a command is the model value of the same name, {@code null} is
 * {@code Nil}, a message is the spec's record (its Lamport clock and read round, which the spec does not have,
 * left out). The inverse of the trace contract's mapping, built once per model.
 */
public final class Projection {
    /** The per-server variables of Raft.tla that the code keeps, in the spec's order. */
    public static final List<String> SERVER_VARS = List.of("currentTerm", "votedFor", "log", "snapshotIndex", "role",
            "commitIndex", "votesGranted", "nextIndex", "matchIndex", "heardFrom", "preCandidate", "preVotesGranted");

    private final SpecModel model;

    public Projection(SpecModel model) {
        this.model = model;
    }

    /** The value of {@code var}[id] in the code. */
    public Value at(String var, RaftNode n) {
        return switch (var) {
            case "currentTerm" -> num(n.currentTerm());
            case "votedFor" -> n.votedFor() == null ? model.nil() : server(n.votedFor());
            case "log" -> log(logicalLog(n));
            case "snapshotIndex" -> num(n.snapshotIndex());
            case "preCandidate" -> n.preCandidate() ? BoolValue.ValTrue : BoolValue.ValFalse;
            case "preVotesGranted" -> servers(n.preVotesGranted());
            case "heardFrom" -> servers(n.heardFrom());
            case "role" -> new StringValue(n.role().name());
            case "commitIndex" -> num(n.commitIndex());
            case "votesGranted" -> servers(n.votesGranted());
            case "nextIndex" -> peerMap(n.id(), n.nextIndex());
            case "matchIndex" -> peerMap(n.id(), n.matchIndex());
            default -> throw new IllegalArgumentException("the code keeps no " + var);
        };
    }

    /**
     * The whole logical log, as Raft.tla's {@code log[i]}: the entries the snapshot's state machine applied (see
     * {@link AppliedLog}), then the entries after the snapshot point. A snapshot that holds another number of
     * entries than its index says shows as a log of another length.
     */
    private static List<Entry> logicalLog(RaftNode n) {
        Snapshot snap = n.snapshot();
        if (snap == null) {
            return n.log();
        }
        List<Entry> out = new ArrayList<>(AppliedLog.decode(snap.data()));
        out.addAll(n.log());
        return out;
    }

    /**
     * nextIndex and matchIndex of the code's peers, as a function over the peers only: the code keeps no entry
     * for the server itself (Raft.tla's {@code nextIndex[i][i]} is never read), so comparisons leave it out.
     */
    private Value peerMap(String self, Map<String, Long> m) {
        List<Value> dom = new ArrayList<>();
        List<Value> vals = new ArrayList<>();
        for (Map.Entry<String, Value> s : model.servers().entrySet()) {
            if (!s.getKey().equals(self)) {
                dom.add(s.getValue());
                Long v = m.get(s.getKey());
                vals.add(v == null ? new StringValue("missing") : num(v));
            }
        }
        return new FcnRcdValue(dom.toArray(Value[]::new), vals.toArray(Value[]::new), false);
    }

    public Value server(String id) {
        Value v = model.servers().get(id);
        if (v == null) {
            throw new IllegalArgumentException("the code names a server " + id + " that the model does not have");
        }
        return v;
    }

    private Value servers(Iterable<String> ids) {
        List<Value> out = new ArrayList<>();
        ids.forEach(id -> out.add(server(id)));
        return new SetEnumValue(out.toArray(Value[]::new), false).normalize();
    }

    private Value log(List<Entry> entries) {
        Value[] out = new Value[entries.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = entry(entries.get(k));
        }
        return new TupleValue(out);
    }

    /** An entry as {@code [term |-> t, value |-> v]}; a command the model does not name is shown as a string. */
    private Value entry(Entry e) {
        Value v = model.values().get(e.value());
        return record(List.of("term", "value"), List.of(num(e.term()), v != null ? v : new StringValue(e.value())));
    }

    /** A message as Raft.tla's record. */
    public Value message(Message m) {
        Map<String, Value> f = new LinkedHashMap<>();
        if (m instanceof RequestVoteRequest q) {
            head(f, "RequestVoteRequest", m);
            f.put("lastLogTerm", num(q.lastLogTerm()));
            f.put("lastLogIndex", num(q.lastLogIndex()));
        } else if (m instanceof RequestVoteResponse r) {
            head(f, "RequestVoteResponse", m);
            f.put("voteGranted", r.voteGranted() ? BoolValue.ValTrue : BoolValue.ValFalse);
        } else if (m instanceof AppendEntriesRequest q) {
            head(f, "AppendEntriesRequest", m);
            f.put("prevLogIndex", num(q.prevLogIndex()));
            f.put("prevLogTerm", num(q.prevLogTerm()));
            f.put("entries", log(q.entries()));
            f.put("commitIndex", num(q.commitIndex()));
        } else if (m instanceof AppendEntriesResponse r) {
            head(f, "AppendEntriesResponse", m);
            f.put("success", r.success() ? BoolValue.ValTrue : BoolValue.ValFalse);
            f.put("matchIndex", num(r.matchIndex()));
            f.put("conflictIndex", num(r.conflictIndex()));
            f.put("conflictTerm", num(r.conflictTerm()));
        } else if (m instanceof InstallSnapshotRequest q) {
            head(f, "InstallSnapshotRequest", m);
            f.put("snapshotIndex", num(q.snapshot().index()));
            f.put("snapshotTerm", num(q.snapshot().term()));
            // the spec sends the log prefix; the code the state machine built from it, which holds that prefix
            f.put("data", log(AppliedLog.decode(q.snapshot().data())));
        } else if (m instanceof InstallSnapshotResponse r) {
            head(f, "InstallSnapshotResponse", m);
            f.put("success", r.success() ? BoolValue.ValTrue : BoolValue.ValFalse);
            f.put("matchIndex", num(r.matchIndex()));
        } else if (m instanceof PreVoteRequest q) {
            head(f, "PreVoteRequest", m);
            f.put("lastLogTerm", num(q.lastLogTerm()));
            f.put("lastLogIndex", num(q.lastLogIndex()));
        } else if (m instanceof PreVoteResponse r) {
            head(f, "PreVoteResponse", m);
            f.put("voteGranted", r.voteGranted() ? BoolValue.ValTrue : BoolValue.ValFalse);
        } else {
            throw new IllegalStateException("the code sent a " + m.getClass().getSimpleName()
                    + ", which Raft.tla has no message for: " + m);
        }
        return record(List.copyOf(f.keySet()), List.copyOf(f.values()));
    }

    private void head(Map<String, Value> f, String type, Message m) {
        f.put("type", new StringValue(type));
        f.put("from", server(m.from()));
        f.put("to", server(m.to()));
        f.put("term", num(m.term()));
    }

    /** The network as the spec's bag: each message record with the number of copies in flight. */
    public Bag bag(List<Message> network) {
        Bag out = new Bag();
        for (Message m : network) {
            out.add(message(m), 1);
        }
        return out;
    }

    /** A bag as a TLC function from records to counts, as Raft.tla's {@code messages}. */
    public static Value bagValue(Bag bag) {
        Map<Value, Integer> counts = bag.entries();
        Value[] dom = counts.keySet().toArray(Value[]::new);
        Value[] vals = counts.values().stream().map(n -> (Value) IntValue.gen(n)).toArray(Value[]::new);
        return new FcnRcdValue(dom, vals, false).normalize();
    }

    private static Value record(List<String> names, List<Value> values) {
        UniqueString[] n = names.stream().map(UniqueString::uniqueStringOf).toArray(UniqueString[]::new);
        return new RecordValue(n, values.toArray(Value[]::new), false).normalize();
    }

    private static Value num(long v) {
        return IntValue.gen(Math.toIntExact(v));
    }
}
