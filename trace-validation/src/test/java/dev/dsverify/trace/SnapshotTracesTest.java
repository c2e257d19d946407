package dev.dsverify.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.trace.log.EventKind;
import dev.dsverify.trace.log.TraceEvent;
import dev.dsverify.trace.log.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log compaction and InstallSnapshot are spec actions: simulated runs that compact every few entries, under
 * crashes, lost, duplicated, delayed and reordered messages and partitions, replay to MATCH against Raft.tla;
 * and a snapshot logged beyond what the spec allows diverges at its line, naming the step and the field.
 */
class SnapshotTracesTest {
    private static final EnumSet<FaultType> FAULTS = EnumSet.of(FaultType.CRASH, FaultType.DROP, FaultType.DUP,
            FaultType.DELAY, FaultType.REORDER, FaultType.PARTITION);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The first seeds' runs that took every snapshot step (a seed without one would prove nothing). */
    private List<Path> runs(int wanted) throws Exception {
        List<Path> out = new ArrayList<>();
        for (long seed = 1; seed <= 60 && out.size() < wanted; seed++) {
            Path f = SimulatedRuns.traceWithSnapshots(dir, seed, 40, FAULTS, 3 + (int) (seed % 3));
            String text = Files.readString(f);
            if (text.contains("\"event\":\"HandleInstallSnapshotRequest\"") && text.contains("\"snapshotIndex\"")) {
                out.add(f);
            }
        }
        assertThat(out).as("seeds whose run installs a snapshot").hasSize(wanted);
        return out;
    }

    @Test
    void simulatedRunsWithSnapshotsAndFaultsMatch() throws Exception {
        Map<EventKind, Long> seen = new EnumMap<>(EventKind.class);
        List<Path> runs = runs(4);
        for (Path f : runs) {
            TraceResult r = TraceValidator.validate(Specs.raft(), f);
            assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.MATCH);
            for (TraceEvent e : TraceReader.read(f)) {
                seen.merge(e.kind(), 1L, Long::sum);
            }
        }
        assertThat(seen).containsKeys(EventKind.CompactLog, EventKind.InstallSnapshot,
                EventKind.HandleInstallSnapshotRequest, EventKind.HandleInstallSnapshotResponse);
        // TraceRaft.tla as a trace spec like any other (the generic engine) agrees
        TraceResult any = TraceSpecValidator.validate(new TraceSpecValidator.Options(
                Specs.raft().resolveSibling("TraceRaft.tla"), null, null, false), List.of(runs.get(0)));
        assertThat(any.verdict()).as(TraceReport.text(any)).isEqualTo(Verdict.MATCH);
    }

    @Test
    void aSnapshotBeyondTheCommitIndexDiverges() throws Exception {
        Path f = runs(1).get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int at = indexOf(lines, "\"event\":\"CompactLog\"");
        // the server claims to have compacted further than anything it knows is committed
        String line = lines.get(at);
        long point = number(line, "\"snapshotIndex\":");
        lines.set(at, line.replace("\"snapshotIndex\":" + point, "\"snapshotIndex\":" + (point + 100)));
        TraceResult r = validate(lines);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).as(TraceReport.text(r)).isEqualTo(at + 1);
        assertThat(String.join("\n", r.reasons())).as(TraceReport.text(r))
                .contains("CompactLog").contains("CompactLimit(i)");
    }

    @Test
    void anInstalledSnapshotFollowedByEntriesTheLeaderNeverSentDiverges() throws Exception {
        Path f = runs(1).get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int at = -1;
        for (int k = 0; k < lines.size() && at < 0; k++) {
            if (lines.get(k).contains("\"event\":\"HandleInstallSnapshotRequest\"")
                    && lines.get(k).contains("\"snapshotIndex\"")) {
                at = k;
            }
        }
        // the follower logs a log that goes on past what it kept: an entry not truncated at the install
        String line = lines.get(at);
        long len = number(line, "\"log\":{\"len\":");
        String doctored = line.replace("\"log\":{\"len\":" + len, "\"log\":{\"len\":" + (len + 1))
                .replaceFirst("(\"log\":\\{[^}]*\"entries\":\\[)(.*?)\\]",
                        "$1$2" + (line.contains("\"entries\":[]}") ? "" : ",") + "{\"term\":0,\"value\":\"stale\"}]");
        assertThat(doctored).isNotEqualTo(line);
        lines.set(at, doctored);
        TraceResult r = validate(lines);
        assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).as(TraceReport.text(r)).isEqualTo(at + 1);
        assertThat(String.join("\n", r.reasons())).as(TraceReport.text(r))
                .contains("HandleInstallSnapshotRequest").contains("log[");
    }

    /**
     * A node killed after its compaction was durable but before the CompactLog line was written recovers a
     * snapshot the trace never saw: its Restart explains the lost compaction, within its commit index, and only
     * that.
     */
    @Test
    void aRestartRecoveringACompactionWhoseLineWasLostIsExplainedWithinTheCommitIndex() throws Exception {
        List<String> lines = Files.readAllLines(runs(1).get(0));
        int cut = indexOf(lines, "\"event\":\"CompactLog\"");
        JsonNode compact = JSON.readTree(lines.get(cut));
        String node = compact.get("node").asText();
        List<String> prefix = new ArrayList<>(lines.subList(0, cut));
        long term = 0;
        JsonNode vote = JSON.nullNode();
        long len = 0;
        for (String l : prefix) {
            JsonNode e = JSON.readTree(l);
            JsonNode st = e.get("state");
            if (!e.get("node").asText().equals(node)) {
                continue;
            }
            if (st.has("currentTerm")) {
                term = st.get("currentTerm").asLong();
            }
            if (st.has("votedFor")) {
                vote = st.get("votedFor");
            }
            if (st.has("log")) {
                len = st.get("log").get("len").asLong();
            }
        }
        long point = compact.get("state").get("snapshotIndex").asLong();
        ObjectNode restart = JSON.createObjectNode();
        restart.put("schema", 1).put("clock", compact.get("clock").asLong()).put("node", node).put("event", "Restart");
        ObjectNode st = restart.putObject("state");
        st.put("currentTerm", term).set("votedFor", vote);
        st.putObject("log").put("len", len).put("from", len + 1).putArray("entries");
        st.put("role", "Follower").put("commitIndex", point);
        st.putArray("votesGranted");
        ObjectNode next = st.putObject("nextIndex");
        ObjectNode match = st.putObject("matchIndex");
        for (String p : SimConfig.nodeIds(3)) {
            if (!p.equals(node)) {
                next.put(p, 1);
                match.put(p, 0);
            }
        }
        st.put("snapshotIndex", point).put("snapshotTerm", compact.get("state").get("snapshotTerm").asLong());
        List<String> explained = new ArrayList<>(prefix);
        explained.add(JSON.writeValueAsString(restart));
        TraceResult r = validate(explained);
        assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.MATCH);

        // a snapshot point beyond everything the node knew was committed is no lost compaction
        st.put("snapshotIndex", len + 1).put("commitIndex", len + 1);
        List<String> beyond = new ArrayList<>(prefix);
        beyond.add(JSON.writeValueAsString(restart));
        TraceResult d = validate(beyond);
        assertThat(d.verdict()).as(TraceReport.text(d)).isEqualTo(Verdict.DIVERGENCE);
        assertThat(d.firstUnmatchedLine()).isEqualTo(prefix.size() + 1);
    }

    private TraceResult validate(List<String> lines) throws Exception {
        Path f = dir.resolve("doctored.ndjson");
        Files.write(f, lines);
        return TraceValidator.validate(Specs.raft(), f);
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains(needle)) {
                return k;
            }
        }
        throw new AssertionError("no line with " + needle);
    }

    private static long number(String line, String key) {
        int from = line.indexOf(key) + key.length();
        int to = from;
        while (to < line.length() && Character.isDigit(line.charAt(to))) {
            to++;
        }
        return Long.parseLong(line.substring(from, to));
    }
}
