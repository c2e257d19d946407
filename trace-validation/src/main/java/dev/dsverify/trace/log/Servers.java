package dev.dsverify.trace.log;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The cluster a trace was taken from: every node id it mentions. Raft's majorities depend on it, and a
 * candidate logs one RequestVote per peer, so any trace that elects a leader names every server.
 */
public final class Servers {
    private Servers() {
    }

    public static SortedSet<String> of(List<TraceEvent> events) {
        SortedSet<String> ids = new TreeSet<>();
        for (TraceEvent e : events) {
            add(ids, e);
        }
        return ids;
    }

    /** Adds the ids {@code e} mentions to {@code ids}. */
    public static void add(SortedSet<String> ids, TraceEvent e) {
        ids.add(e.node());
        add(ids, e.msg());
        add(ids, e.reply());
        for (String f : List.of("nextIndex", "matchIndex")) {
            JsonNode m = e.state().get(f);
            if (m != null) {
                m.fieldNames().forEachRemaining(ids::add);
            }
        }
        for (String f : List.of("votesGranted", "preVotesGranted")) {
            JsonNode votes = e.state().get(f);
            if (votes != null) {
                votes.forEach(v -> ids.add(v.textValue()));
            }
        }
        JsonNode votedFor = e.state().get("votedFor");
        if (votedFor != null && votedFor.isTextual()) {
            ids.add(votedFor.textValue());
        }
    }

    private static void add(SortedSet<String> ids, Message m) {
        if (m != null) {
            ids.add(m.from());
            ids.add(m.to());
        }
    }
}
