package dev.dsverify.raft.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks per-node trace files against specs/raft/TRACE-CONTRACT.md as far as a file can be checked alone
 * (every line a contract event of its node, fields of the right types, clocks increasing), and across files
 * that they can be merged: every message a node consumed was sent, with the same content, in the sender's file,
 * at a clock below the receive. Returns the problems found, each naming file and line.
 */
final class NodeTraceCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EVENTS = Set.of("Timeout", "RequestVote", "HandleRequestVoteRequest",
            "HandleRequestVoteResponse", "BecomeLeader", "ClientRequest", "AppendEntries",
            "HandleAppendEntriesRequest", "HandleAppendEntriesResponse", "AdvanceCommitIndex", "UpdateTerm",
            "Restart", "PreVote", "RequestPreVote", "HandlePreVoteRequest", "HandlePreVoteResponse");
    private static final Map<String, List<String>> MSG_FIELDS = Map.of(
            "RequestVoteRequest", List.of("lastLogTerm", "lastLogIndex"),
            "RequestVoteResponse", List.of("voteGranted"),
            "AppendEntriesRequest", List.of("prevLogIndex", "prevLogTerm", "entries", "commitIndex"),
            "AppendEntriesResponse", List.of("success", "matchIndex", "conflictIndex", "conflictTerm"),
            "PreVoteRequest", List.of("lastLogTerm", "lastLogIndex"),
            "PreVoteResponse", List.of("voteGranted"));

    record Line(Path file, int no, JsonNode json) {
        String where() {
            return file.getFileName() + ":" + no;
        }
    }

    private NodeTraceCheck() {}

    static List<String> check(Map<String, Path> files) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Line> all = new ArrayList<>();
        Set<JsonNode> sent = new HashSet<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            byte[] raw = Files.readAllBytes(f.getValue());
            if (raw.length > 0 && raw[raw.length - 1] != '\n') {
                problems.add(f.getValue().getFileName() + ": last line is not terminated");
            }
            List<String> lines = Files.readAllLines(f.getValue(), StandardCharsets.UTF_8);
            long lastClock = 0;
            for (int i = 0; i < lines.size(); i++) {
                Line l;
                try {
                    l = new Line(f.getValue(), i + 1, JSON.readTree(lines.get(i)));
                } catch (IOException e) {
                    problems.add(f.getValue().getFileName() + ":" + (i + 1) + ": not JSON: " + e.getMessage());
                    continue;
                }
                JsonNode j = l.json();
                if (j.path("schema").asInt() != 1) {
                    problems.add(l.where() + ": schema is not 1");
                }
                if (!f.getKey().equals(j.path("node").asText())) {
                    problems.add(l.where() + ": node " + j.path("node") + " in the file of " + f.getKey());
                }
                if (!EVENTS.contains(j.path("event").asText())) {
                    problems.add(l.where() + ": unknown event " + j.path("event"));
                }
                if (!j.path("state").isObject()) {
                    problems.add(l.where() + ": no state object");
                }
                long clock = j.path("clock").asLong(-1);
                if (!j.path("clock").isIntegralNumber() || clock <= lastClock) {
                    problems.add(l.where() + ": clock " + j.path("clock") + " does not increase past " + lastClock);
                }
                lastClock = clock;
                for (String k : List.of("msg", "reply")) {
                    if (j.has(k)) {
                        problems.addAll(checkMessage(l, k, j.get(k)));
                    }
                }
                String ev = j.path("event").asText();
                if (ev.equals("RequestVote") || ev.equals("AppendEntries")) {
                    sent.add(j.get("msg"));
                }
                if (j.has("reply")) {
                    sent.add(j.get("reply"));
                }
                all.add(l);
            }
        }
        for (Line l : all) {
            String ev = l.json().path("event").asText();
            if (ev.startsWith("Handle") || ev.equals("UpdateTerm")) {
                JsonNode m = l.json().get("msg");
                if (m == null) {
                    problems.add(l.where() + ": " + ev + " without msg");
                } else if (!sent.contains(m)) {
                    problems.add(l.where() + ": consumes a message no trace file sent: " + m);
                } else if (l.json().path("clock").asLong() <= m.path("clock").asLong()) {
                    problems.add(l.where() + ": receive clock not past the message's clock");
                }
            }
        }
        return problems;
    }

    private static List<String> checkMessage(Line l, String key, JsonNode m) {
        List<String> p = new ArrayList<>();
        List<String> fields = MSG_FIELDS.get(m.path("type").asText());
        if (fields == null) {
            p.add(l.where() + ": " + key + " has unknown type " + m.path("type"));
            return p;
        }
        for (String f : List.of("from", "to")) {
            if (!m.path(f).isTextual()) {
                p.add(l.where() + ": " + key + "." + f + " is not a string");
            }
        }
        for (String f : List.of("term", "clock")) {
            if (!m.path(f).isIntegralNumber()) {
                p.add(l.where() + ": " + key + "." + f + " is not an int");
            }
        }
        for (String f : fields) {
            if (!m.has(f)) {
                p.add(l.where() + ": " + key + " lacks " + f);
            }
        }
        return p;
    }
}
