package dev.dsverify.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsverify.trace.log.EventKind;
import dev.dsverify.trace.log.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Finds, without the spec, the first line of a trace where an injected implementation bug shows: it follows
 * each node's logged state (term, vote, log terms, commit index) and looks for the step the bug makes
 * different from Raft. Trace validation must stop at exactly that line.
 */
final class BugOracle {
    private final Map<String, Long> term = new HashMap<>();
    private final Map<String, String> vote = new HashMap<>();
    private final Map<String, List<Long>> logTerms = new HashMap<>();
    private final Map<String, Long> commit = new HashMap<>();

    static OptionalInt firstLine(List<TraceEvent> events, String bug) {
        BugOracle o = new BugOracle();
        for (TraceEvent e : events) {
            if (o.shows(e, bug)) {
                return OptionalInt.of(e.line());
            }
            o.apply(e);
        }
        return OptionalInt.empty();
    }

    private boolean shows(TraceEvent e, String bug) {
        String n = e.node();
        List<Long> log = logTerms.getOrDefault(n, List.of());
        return switch (bug) {
            case "double-vote" -> e.kind() == EventKind.HandleRequestVoteRequest
                    && e.reply().fields().get("voteGranted").booleanValue()
                    && vote.get(n) != null && !vote.get(n).equals(e.msg().from());
            case "commit-old-term" -> {
                if (e.kind() != EventKind.AdvanceCommitIndex) {
                    yield false;
                }
                int c = e.state().get("commitIndex").intValue();
                yield c <= log.size() && log.get(c - 1) < term.getOrDefault(n, 0L);
            }
            case "skip-prevlog-check" -> {
                if (e.kind() != EventKind.HandleAppendEntriesRequest || !e.reply().fields().get("success").booleanValue()) {
                    yield false;
                }
                int prev = e.msg().fields().get("prevLogIndex").intValue();
                long prevTerm = e.msg().fields().get("prevLogTerm").longValue();
                yield prev > 0 && (prev > log.size() || log.get(prev - 1) != prevTerm);
            }
            case "forget-vote" -> e.kind() == EventKind.Restart && e.state().has("votedFor")
                    && vote.get(n) != null;
            case "commit-backwards" -> e.kind() == EventKind.HandleAppendEntriesRequest && e.state().has("commitIndex")
                    && e.state().get("commitIndex").longValue() < commit.getOrDefault(n, 0L);
            default -> throw new IllegalArgumentException(bug);
        };
    }

    private void apply(TraceEvent e) {
        String n = e.node();
        JsonNode s = e.state();
        if (s.has("currentTerm")) {
            term.put(n, s.get("currentTerm").longValue());
        }
        if (s.has("votedFor")) {
            vote.put(n, s.get("votedFor").isNull() ? null : s.get("votedFor").textValue());
        }
        if (s.has("commitIndex")) {
            commit.put(n, s.get("commitIndex").longValue());
        }
        if (s.has("log")) {
            List<Long> log = new ArrayList<>(logTerms.getOrDefault(n, List.of()));
            int from = s.get("log").get("from").intValue();
            while (log.size() >= from) {
                log.remove(log.size() - 1);
            }
            s.get("log").get("entries").forEach(en -> log.add(en.get("term").longValue()));
            logTerms.put(n, log);
        }
    }
}
