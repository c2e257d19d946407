package dev.dsverify.raft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.core.Role;
import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.StateChange;
import dev.dsverify.raft.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineTraceSinkTest {
    private static TraceEvent event(long clock) {
        return new TraceEvent(clock, "n1", EventType.Restart, null, null,
                StateChange.builder().role(Role.Follower).commitIndex(0).build());
    }

    @Test
    void linesReachTheFileOnlyOnFlushAndWhole(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("n1.ndjson");
        try (LineTraceSink s = new LineTraceSink(f)) {
            assertThat(s.lastClock()).isZero();
            s.emit(event(1));
            s.emit(event(2));
            assertThat(Files.size(f)).isZero();
            s.flush();
            List<String> lines = Files.readAllLines(f);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).startsWith("{\"schema\":1,\"clock\":2,\"node\":\"n1\",\"event\":\"Restart\"");
        }
    }

    @Test
    void aTornLastLineIsCutBeforeAppendingAndTheClockContinues(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("n1.ndjson");
        try (LineTraceSink s = new LineTraceSink(f)) {
            s.emit(event(7));
        }
        String whole = Files.readString(f);
        Files.writeString(f, whole + "{\"schema\":1,\"clock\":8,\"no", StandardCharsets.UTF_8);
        try (LineTraceSink s = new LineTraceSink(f)) {
            assertThat(s.lastClock()).isEqualTo(7);
            s.emit(event(8));
        }
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"clock\":8,");
        assertThat(Files.readString(f)).endsWith("}\n");

        Files.writeString(f, "{\"schema\":1,\"clo", StandardCharsets.UTF_8); // torn first line
        try (LineTraceSink s = new LineTraceSink(f)) {
            assertThat(s.lastClock()).isZero();
        }
        assertThat(Files.size(f)).isZero();
    }
}
