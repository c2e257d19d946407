package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.TraceEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a trace's message accounting as the spec's bag of messages: sends add, Handle* and DropMessage
 * remove, DuplicateMessage adds a copy, UpdateTerm needs the message present without removing it.
 * Returns null when consistent, else a description of the first line that is not.
 */
final class TraceBag {
    private TraceBag() {}

    static String check(List<TraceEvent> events) {
        Map<Message, Integer> bag = new HashMap<>();
        Map<String, Long> clocks = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            String where = "line " + (i + 1) + " (" + e.event() + " at " + e.node() + ")";
            Long prev = clocks.put(e.node(), e.clock());
            if (prev != null && e.clock() <= prev) {
                return where + ": clock " + e.clock() + " does not increase past " + prev;
            }
            EventType t = e.event();
            switch (t) {
                case RequestVote, AppendEntries -> bag.merge(e.msg(), 1, Integer::sum);
                case HandleRequestVoteRequest, HandleRequestVoteResponse, HandleAppendEntriesRequest,
                        HandleAppendEntriesResponse, DropMessage -> {
                    if (!e.msg().to().equals(e.node())) {
                        return where + ": consumes a message addressed to " + e.msg().to();
                    }
                    if (e.clock() <= e.msg().clock()) {
                        return where + ": clock not past the message's";
                    }
                    Integer n = bag.get(e.msg());
                    if (n == null) {
                        return where + ": message not in flight: " + e.msg();
                    }
                    if (n == 1) bag.remove(e.msg()); else bag.put(e.msg(), n - 1);
                    if (e.reply() != null) {
                        bag.merge(e.reply(), 1, Integer::sum);
                    }
                }
                case DuplicateMessage, UpdateTerm -> {
                    if (!bag.containsKey(e.msg())) {
                        return where + ": message not in flight: " + e.msg();
                    }
                    if (t == EventType.DuplicateMessage) {
                        bag.merge(e.msg(), 1, Integer::sum);
                    }
                }
                default -> {
                    if (e.msg() != null || e.reply() != null) {
                        return where + ": carries a message";
                    }
                }
            }
        }
        return null;
    }
}
