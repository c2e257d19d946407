package dev.dsverify.trace;

import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.log.TraceReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed logs are rejected before replay, naming file, line and field. */
class TraceReaderTest {
    private static final String GOOD = "{\"schema\":1,\"clock\":1,\"node\":\"n1\",\"event\":\"Timeout\","
            + "\"state\":{\"currentTerm\":1,\"votedFor\":\"n1\",\"role\":\"Candidate\",\"votesGranted\":[\"n1\"]}}";

    private static TraceFormatException reject(String text) {
        return reject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static TraceFormatException reject(byte[] bytes) {
        try {
            TraceReader.read("t.ndjson", bytes);
        } catch (TraceFormatException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void readsTheHandWrittenTrace() throws Exception {
        var events = TraceReader.read(Specs.trace("election.ndjson"));
        assertThat(events).hasSize(13);
        assertThat(events.get(4).reply().type()).isEqualTo("RequestVoteResponse");
        assertThat(events.get(12).line()).isEqualTo(13);
    }

    @Test
    void lastLineWithoutNewlineIsFineIfComplete() throws Exception {
        assertThat(TraceReader.read("t.ndjson", (GOOD + "\n" + GOOD.replace("\"clock\":1", "\"clock\":2"))
                .getBytes(StandardCharsets.UTF_8))).hasSize(2);
    }

    @Test
    void truncatedLastLine() {
        TraceFormatException e = reject(GOOD + "\n" + GOOD.substring(0, 40));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("t.ndjson:2: ").contains("truncated last line");
    }

    @Test
    void invalidJson() {
        TraceFormatException e = reject(GOOD + "\n{\"schema\":1,,}\n" + GOOD + "\n");
        assertThat(e.getMessage()).startsWith("t.ndjson:2: invalid JSON");
    }

    @Test
    void unknownEvent() {
        TraceFormatException e = reject(GOOD.replace("Timeout", "Timeot") + "\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("event");
        assertThat(e.getMessage()).isEqualTo("t.ndjson:1: field 'event': unknown event 'Timeot'");
    }

    @Test
    void missingField() {
        TraceFormatException e = reject(GOOD + "\n" + GOOD.replace("\"node\":\"n1\",", "") + "\n");
        assertThat(e.getMessage()).isEqualTo("t.ndjson:2: field 'node': missing");
    }

    @Test
    void missingMessageField() {
        String line = "{\"schema\":1,\"clock\":2,\"node\":\"n1\",\"event\":\"RequestVote\",\"msg\":{\"type\":\"RequestVoteRequest\","
                + "\"from\":\"n1\",\"to\":\"n2\",\"term\":1,\"clock\":2,\"lastLogTerm\":0},\"state\":{}}";
        TraceFormatException e = reject(line + "\n");
        assertThat(e.field()).isEqualTo("msg.lastLogIndex");
        assertThat(e.getMessage()).isEqualTo("t.ndjson:1: field 'msg.lastLogIndex': missing");
    }

    @Test
    void wrongType() {
        TraceFormatException e = reject(GOOD.replace("\"currentTerm\":1", "\"currentTerm\":\"1\"") + "\n");
        assertThat(e.field()).isEqualTo("state.currentTerm");
        assertThat(e.getMessage()).contains("expected an integer");
        TraceFormatException clock = reject(GOOD.replace("\"clock\":1", "\"clock\":1.5") + "\n");
        assertThat(clock.field()).isEqualTo("clock");
    }

    @Test
    void emptyFile() {
        TraceFormatException e = reject(new byte[0]);
        assertThat(e.getMessage()).isEqualTo("t.ndjson: empty trace: no events");
    }

    @Test
    void blankLine() {
        assertThat(reject(GOOD + "\n\n" + GOOD + "\n").getMessage()).isEqualTo("t.ndjson:2: empty line");
    }

    @Test
    void notUtf8() {
        byte[] good = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = (GOOD.replace("n1", "n\u00e9") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = new byte[good.length + bad.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 0, both, good.length, bad.length);
        assertThat(reject(both).getMessage()).isEqualTo("t.ndjson:2: not UTF-8 text");
    }

    @Test
    void unknownStateFieldAndBadLogShape() {
        assertThat(reject(GOOD.replace("\"role\"", "\"rol\"") + "\n").field()).isEqualTo("state.rol");
        String badLog = GOOD.replace("\"currentTerm\":1", "\"log\":{\"len\":2,\"from\":1,\"entries\":[{\"term\":1,\"value\":\"x\"}]}");
        assertThat(reject(badLog + "\n").field()).isEqualTo("state.log.entries");
    }

    @Test
    void messageOfTheWrongKind() {
        String line = "{\"schema\":1,\"clock\":2,\"node\":\"n1\",\"event\":\"RequestVote\",\"msg\":{\"type\":\"AppendEntriesResponse\","
                + "\"from\":\"n1\",\"to\":\"n2\",\"term\":1,\"clock\":2,\"success\":true,\"matchIndex\":0},\"state\":{}}";
        assertThat(reject(line + "\n").field()).isEqualTo("msg.type");
    }

    @Test
    void fileNameIsTheOneGiven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var f = dir.resolve("node1.ndjson");
        Files.write(f, List.of(GOOD, "{"));
        assertThatThrownBy(() -> TraceReader.read(f)).hasMessageStartingWith(f + ":2: invalid JSON");
    }
}
