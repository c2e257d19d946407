package dev.dsverify.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.runner.ResultJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders results for people (text) and for tools (JSON, written atomically). */
public final class TraceReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TraceReport() {
    }

    /** The JSON object of one result: verdict, events, matchedEvents, firstUnmatchedLine, event, reasons, ... */
    public static ObjectNode json(TraceResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("verdict", r.verdict() == Verdict.MATCH ? "match" : "divergence");
        ArrayNode files = o.putArray("files");
        r.files().forEach(files::add);
        o.put("events", r.events());
        o.put("matchedEvents", r.matchedEvents());
        if (r.firstUnmatchedLine() == null) {
            o.putNull("firstUnmatchedLine");
            o.putNull("file");
            o.putNull("mergedIndex");
            o.putNull("event");
        } else {
            o.put("firstUnmatchedLine", r.firstUnmatchedLine());
            o.put("file", r.file());
            o.put("mergedIndex", r.mergedIndex());
            o.put("event", r.event());
        }
        ArrayNode reasons = o.putArray("reasons");
        r.reasons().forEach(reasons::add);
        ArrayNode states = o.putArray("statesBefore");
        r.statesBefore().forEach(states::add);
        o.put("elapsedMillis", r.elapsed().toMillis());
        o.put("statesExplored", r.statesExplored());
        ObjectNode cov = o.putObject("coverage");
        r.coverage().forEach(cov::put);
        return o;
    }

    /** Sums per-action coverage over several results. */
    public static Map<String, Long> mergeCoverage(List<TraceResult> results) {
        Map<String, Long> total = new LinkedHashMap<>();
        for (TraceResult r : results) {
            r.coverage().forEach((k, v) -> total.merge(k, v, Long::sum));
        }
        return total;
    }

    /** Human-readable report of one result. */
    public static String text(TraceResult r) {
        StringBuilder sb = new StringBuilder();
        String secs = String.format("%.2f s", r.elapsed().toNanos() / 1e9);
        if (r.matches()) {
            sb.append("MATCH: ").append(r.events()).append(" events, ").append(r.statesExplored())
                    .append(" states explored, ").append(secs).append('\n');
            return sb.toString();
        }
        sb.append("DIVERGENCE at ").append(r.file()).append(':').append(r.firstUnmatchedLine());
        if (r.files().size() > 1) {
            sb.append(" (event ").append(r.mergedIndex()).append(" of ").append(r.events()).append(" in merged order)");
        }
        sb.append("\n  ").append(r.matchedEvents()).append(" of ").append(r.events())
                .append(" events explained; no spec behaviour explains this line:\n    ").append(r.event()).append('\n');
        sb.append("  why:\n");
        for (String reason : r.reasons()) {
            sb.append("    - ").append(reason).append('\n');
        }
        sb.append("  spec state").append(r.statesBefore().size() == 1 ? "" : "s")
                .append(" reachable just before this line:\n");
        for (String s : r.statesBefore()) {
            sb.append("    ").append(s.replace("\n", "\n    ")).append("\n\n");
        }
        sb.append("  ").append(r.statesExplored()).append(" states explored, ").append(secs).append('\n');
        return sb.toString();
    }

    /** Writes {@code node} to {@code file} through a temporary file and an atomic rename. */
    public static void writeAtomically(Object node, Path file) throws IOException {
        ResultJson.writeAtomically(file, JSON.writeValueAsString(node));
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
