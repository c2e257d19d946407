package dev.dsverify.raft.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonTraceWriterTest {

    @Test
    void writesTheContractFieldsInTheContractOrder() {
        AppendEntriesRequest req = AppendEntriesRequest.builder().from("n1").to("n2").term(3).clock(16).prevLog(4, 2)
                .entries(Entry.of(3, "put x")).commitIndex(4).round(9).build();
        AppendEntriesResponse resp = AppendEntriesResponse.builder().from("n2").to("n1").term(3).clock(17)
                .success(true).matchIndex(5).round(9).build();
        StateChange s = StateChange.builder().log(new LogChange(5, 5, List.of(Entry.of(3, "put x"))))
                .commitIndex(4).build();
        String line = NdjsonTraceWriter.line(new TraceEvent(17, "n2", EventType.HandleAppendEntriesRequest, req, resp, s));
        assertThat(line).isEqualTo("{\"schema\":1,\"clock\":17,\"node\":\"n2\",\"event\":\"HandleAppendEntriesRequest\","
                + "\"msg\":{\"type\":\"AppendEntriesRequest\",\"from\":\"n1\",\"to\":\"n2\",\"term\":3,\"clock\":16,"
                + "\"prevLogIndex\":4,\"prevLogTerm\":2,\"entries\":[{\"term\":3,\"value\":\"put x\"}],\"commitIndex\":4},"
                + "\"reply\":{\"type\":\"AppendEntriesResponse\",\"from\":\"n2\",\"to\":\"n1\",\"term\":3,\"clock\":17,"
                + "\"success\":true,\"matchIndex\":5,\"conflictIndex\":0,\"conflictTerm\":0},"
                + "\"state\":{\"log\":{\"len\":5,\"from\":5,\"entries\":[{\"term\":3,\"value\":\"put x\"}]},\"commitIndex\":4}}");
    }

    @Test
    void writesNullVotedForAndIndexMapsAndEmptyState() throws Exception {
        Map<String, Long> next = new LinkedHashMap<>();
        next.put("n2", 1L);
        next.put("n3", 1L);
        StateChange s = StateChange.builder().currentTerm(2).role(Role.Follower).votedFor(null).nextIndex(next).build();
        JsonNode n = new ObjectMapper().readTree(NdjsonTraceWriter.line(new TraceEvent(3, "n1", EventType.UpdateTerm, null, null, s)));
        assertThat(n.get("state").has("votedFor")).isTrue();
        assertThat(n.get("state").get("votedFor").isNull()).isTrue();
        assertThat(n.get("state").get("nextIndex").get("n3").asLong()).isEqualTo(1);
        assertThat(NdjsonTraceWriter.line(new TraceEvent(1, "n1", EventType.BecomeLeader, null, null, StateChange.NONE)))
                .endsWith("\"state\":{}}");
    }

    @Test
    void writesOneLinePerEventAtomically(@TempDir Path dir) throws Exception {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.add(new TraceEvent(i, "n1", EventType.Timeout, null, null, StateChange.builder().currentTerm(i).build()));
        }
        Path out = dir.resolve("sub/trace.ndjson");
        NdjsonTraceWriter.writeAtomically(events, out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains("\"currentTerm\":3");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temp file left behind
        }
    }

    @Test
    void traceFileGetsTheUmasksPermissions(@TempDir Path dir) throws Exception {
        Path status = Path.of("/proc/self/status");
        org.assertj.core.api.Assumptions.assumeThat(Files.isReadable(status)).isTrue();
        String line = Files.readAllLines(status).stream().filter(l -> l.startsWith("Umask:")).findFirst().orElseThrow();
        int umask = Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
        org.assertj.core.api.Assumptions.assumeThat(umask).as("umask other than 077").isNotEqualTo(077);
        Path out = dir.resolve("trace.ndjson");
        NdjsonTraceWriter.writeAtomically(List.of(new TraceEvent(1, "n1", EventType.Timeout, null, null,
                StateChange.builder().currentTerm(1).build())), out);
        int mode = 0;
        for (java.nio.file.attribute.PosixFilePermission p : Files.getPosixFilePermissions(out)) {
            mode |= 1 << (8 - p.ordinal());
        }
        assertThat(Integer.toOctalString(mode)).isEqualTo(Integer.toOctalString(0666 & ~umask));
    }
}
