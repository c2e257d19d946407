package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.RaftNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an observer can see of one server at a moment, by name: its protocol state as {@link RaftNode}
 * exposes it (role, term, vote, log, commit index, election and replication bookkeeping), its Lamport clock,
 * and how many messages, Readies and trace lines it has produced so far. Two of them taken around an input tell
 * whether that input had any effect at all.
 */
record Observed(Map<String, Object> values) {

    Observed {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code node}'s state now, with the counts of what its host has seen it produce. */
    static Observed of(RaftNode node, long clock, long sent, long readies, long traceLines) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("role", node.role());
        v.put("term", node.currentTerm());
        v.put("votedFor", node.votedFor());
        v.put("leader", node.leaderId());
        v.put("commitIndex", node.commitIndex());
        v.put("appliedIndex", node.appliedIndex());
        v.put("snapshotIndex", node.snapshotIndex());
        v.put("lastIndex", node.lastIndex());
        v.put("log", List.copyOf(node.log()));
        v.put("votesGranted", Set.copyOf(node.votesGranted()));
        v.put("preCandidate", node.preCandidate());
        v.put("preVotesGranted", Set.copyOf(node.preVotesGranted()));
        v.put("nextIndex", Map.copyOf(node.nextIndex()));
        v.put("matchIndex", Map.copyOf(node.matchIndex()));
        v.put("heardFrom", Set.copyOf(node.heardFrom()));
        v.put("clock", clock);
        v.put("messages sent", sent);
        v.put("Readies", readies);
        v.put("trace lines", traceLines);
        return new Observed(v);
    }

    /** What differs in {@code after}, one "name: before -> after" per value (logs by length); empty if nothing. */
    List<String> changesTo(Observed after) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object now = after.values.get(e.getKey());
            if (!Objects.equals(e.getValue(), now)) {
                changes.add(e.getKey() + ": " + shown(e.getValue()) + " -> " + shown(now));
            }
        }
        return changes;
    }

    private static String shown(Object v) {
        return v instanceof List<?> l ? l.size() + " entries" : String.valueOf(v);
    }
}
