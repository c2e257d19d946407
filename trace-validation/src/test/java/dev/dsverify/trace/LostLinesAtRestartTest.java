package dev.dsverify.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed after an fsync but before it wrote that step's lines recovers durable state no line describes
 * (seen in a kill torture of a three-process cluster: a leader's group-committed client commands). Its Restart
 * line then logs more than the trace knew, and replay explains it as the lost step; anything a lost step cannot
 * explain still diverges at the Restart.
 *
 * <p>The logs here are a simulated run cut at a leader's client request: the request's line is removed (the
 * crash cut it off) and the leader restarts recovering the entry that line appended.
 */
class LostLinesAtRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<String> prefix;
    private ObjectNode restart;

    /** The run up to (without) the last ClientRequest of a leader, and the Restart recovering its entry. */
    @BeforeEach
    void cutARunAtAClientRequest() throws Exception {
        Path trace = SimulatedRuns.trace(dir, 5, 30, EnumSet.noneOf(FaultType.class), Bugs.NONE);
        List<String> lines = Files.readAllLines(trace);
        int cut = -1;
        for (int k = 0; k < lines.size(); k++) {
            if (JSON.readTree(lines.get(k)).get("event").asText().equals("ClientRequest")) {
                cut = k;
            }
        }
        assertThat(cut).as("a client request in the run").isPositive();
        JsonNode request = JSON.readTree(lines.get(cut));
        String node = request.get("node").asText();
        prefix = new ArrayList<>(lines.subList(0, cut));
        long term = -1;
        JsonNode vote = null;
        List<String> peers = new ArrayList<>();
        for (String l : prefix) {
            JsonNode e = JSON.readTree(l);
            if (!e.get("node").asText().equals(node)) {
                continue;
            }
            JsonNode s = e.get("state");
            if (s.has("currentTerm")) {
                term = s.get("currentTerm").asLong();
            }
            if (s.has("votedFor")) {
                vote = s.get("votedFor");
            }
            if (s.has("nextIndex") && peers.isEmpty()) {
                s.get("nextIndex").fieldNames().forEachRemaining(peers::add);
            }
        }
        restart = JSON.createObjectNode();
        restart.put("schema", 1).put("clock", request.get("clock").asLong()).put("node", node).put("event", "Restart");
        ObjectNode s = restart.putObject("state");
        s.put("currentTerm", term).set("votedFor", vote);
        s.set("log", request.get("state").get("log").deepCopy());
        s.put("role", "Follower").put("commitIndex", 0);
        s.putArray("votesGranted");
        ObjectNode next = s.putObject("nextIndex");
        ObjectNode match = s.putObject("matchIndex");
        for (String p : peers) {
            next.put(p, 1);
            match.put(p, 0);
        }
    }

    private TraceResult replay(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode line = restart.deepCopy();
        edit.accept((ObjectNode) line.get("state"));
        List<String> lines = new ArrayList<>(prefix);
        lines.add(JSON.writeValueAsString(line));
        Path f = dir.resolve("cut.ndjson");
        Files.write(f, lines);
        return TraceValidator.validate(Specs.raft(), f);
    }

    @Test
    void aLeadersEntryWhoseLineWasLostIsExplainedByTheRestart() throws Exception {
        TraceResult r = replay(s -> { });
        assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.MATCH);
    }

    @Test
    void anEntryOfAnotherTermIsNoLostClientRequest() throws Exception {
        TraceResult r = replay(s -> {
            ObjectNode entry = (ObjectNode) s.get("log").get("entries").get(0);
            entry.put("term", entry.get("term").asLong() + 1);
        });
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(prefix.size() + 1);
        // the report folds the long values (the log, the messages in flight) to their length, head and tail
        String report = TraceReport.text(r);
        assertThat(report).contains("characters; --full-state shows all");
        assertThat(report.lines().mapToInt(String::length).max().orElse(0)).isLessThan(1_000);
        Path f = dir.resolve("cut.ndjson");
        String full = TraceReport.text(TraceValidator.validate(Specs.raft(), List.of(f), true));
        assertThat(full).doesNotContain("--full-state shows all");
    }

    @Test
    void aForgottenVoteStillDiverges() throws Exception {
        TraceResult r = replay(s -> s.putNull("votedFor"));
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(prefix.size() + 1);
    }

    @Test
    void twoEntriesBeyondTheTraceNeedBothValues() throws Exception {
        // a Restart that recovers two entries more than the trace knew but logs only the last one
        TraceResult r = replay(s -> {
            ObjectNode log = (ObjectNode) s.get("log");
            long len = log.get("len").asLong() + 1;
            log.put("len", len).put("from", len);
            ArrayNode entries = (ArrayNode) log.get("entries");
            ((ObjectNode) entries.get(0)).put("value", "set x 2");
        });
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
    }
}
