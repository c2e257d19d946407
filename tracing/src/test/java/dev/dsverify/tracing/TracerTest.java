package dev.dsverify.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Prepared(String type, String rm) {
    }

    private static JsonNode parse(String line) throws IOException {
        return JSON.readTree(line);
    }

    @Test
    void aLineNamesTheActionTheNodeItsClockAndWhatTheStepDid() throws IOException {
        MemorySink sink = new MemorySink();
        Tracer tm = Tracer.to(sink, "tm");
        tm.event("TMRcvPrepared").field("rm", "r1").msg(new Prepared("Prepared", "r1"))
                .state("tmPrepared", new LinkedHashSet<>(List.of("r2", "r1"))).emit();
        assertThat(sink.lines()).containsExactly("{\"clock\":1,\"node\":\"tm\",\"event\":\"TMRcvPrepared\",\"rm\":\"r1\","
                + "\"msg\":{\"type\":\"Prepared\",\"rm\":\"r1\"},\"state\":{\"tmPrepared\":[\"r1\",\"r2\"]}}");
    }

    @Test
    void clocksFollowLamportsRule() {
        MemorySink a = new MemorySink();
        MemorySink b = new MemorySink();
        Tracer rm = Tracer.to(a, "r1");
        Tracer tm = Tracer.to(b, "tm");
        tm.event("TMCommit").emit();                       // tm: 1
        tm.event("TMCommit").emit();                       // tm: 2
        Event send = rm.event("RMPrepare");                // r1: 1
        long carried = rm.send();
        assertThat(carried).isEqualTo(send.clock()).isEqualTo(1);
        send.emit();
        assertThat(tm.receive(carried)).isEqualTo(3);      // max(2, 1) + 1
        Event handled = tm.event("TMRcvPrepared");
        assertThat(handled.clock()).isEqualTo(3);          // the receive started this step: no second tick
        handled.emit();
        assertThat(rm.receive(10)).isEqualTo(11);          // max(1, 10) + 1
        rm.event("RMRcvCommitMsg").emit();
        assertThat(rm.event("Next").clock()).isEqualTo(12);
    }

    @Test
    void deferredLinesAreWrittenOnlyOnceTheStepIsDurable() {
        MemorySink sink = new MemorySink();
        Tracer t = Tracer.builder("r1").sink(sink).deferred().build();
        t.event("RMPrepare").state("rmState", "prepared").emit();
        assertThat(sink.lines()).isEmpty();
        assertThat(t.pendingLines()).isEqualTo(1);
        t.durable();
        assertThat(sink.lines()).hasSize(1);
        t.event("RMChooseToAbort").state("rmState", "aborted").emit();
        // A crash before the fsync: the line goes with the state it described.
        assertThat(t.discardPending()).isEqualTo(1);
        t.durable();
        assertThat(sink.lines()).hasSize(1);
    }

    @Test
    void valuesATraceCannotHoldAreRefusedAtTheCallThatLogsThem() {
        Tracer t = Tracer.to(new MemorySink(), "n1");
        assertThatThrownBy(() -> t.event("A").state("x", null)).hasMessageContaining("'state.x' is null");
        assertThatThrownBy(() -> t.event("A").field("f", 1.5)).hasMessageContaining("integers only");
        assertThatThrownBy(() -> t.event("A").field("f", BigInteger.TWO.pow(70))).hasMessageContaining("32-bit");
        assertThatThrownBy(() -> t.event("A").field("f", 1L << 31)).hasMessageContaining("32-bit");
        assertThatThrownBy(() -> t.event("A").field("clock", 3)).hasMessageContaining("set by the tracer");
        assertThatThrownBy(() -> Tracer.to(new MemorySink(), "n1").receive(-1)).hasMessageContaining("negative");
        Event e = t.event("A");
        e.emit();
        assertThatThrownBy(e::emit).hasMessageContaining("twice");
    }

    @Test
    void stringsAreEscapedAndMapsBecomeObjects() throws IOException {
        MemorySink sink = new MemorySink();
        Tracer.to(sink, "n\"1").event("Put").field("key", "a\nb\"c").state("kv", Map.of("k", 1L)).emit();
        JsonNode line = parse(sink.lines().get(0));
        assertThat(line.get("node").asText()).isEqualTo("n\"1");
        assertThat(line.get("key").asText()).isEqualTo("a\nb\"c");
        assertThat(line.get("state").get("kv").get("k").asLong()).isEqualTo(1);
        assertThat(sink.lines().get(0)).doesNotContain("\n");
    }

    @Test
    void anOffTracerWritesNothingAndHandsOutOneSharedEvent() {
        Tracer off = Tracer.off("n1");
        assertThat(off.isOn()).isFalse();
        Event a = off.event("A");
        assertThat(off.event("B")).isSameAs(a);
        a.field("x", 1).state("y", List.of(1)).msg(Map.of()).emit();
        a.emit();
        assertThat(off.receive(5)).isZero();
        assertThat(off.clock()).isZero();
    }

    @Test
    void linesFromManyThreadsNeverInterleave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("n1.ndjson");
        int threads = 8;
        int perThread = 500;
        String big = "x".repeat(5000);
        try (Tracer t = Tracer.to(file, "n1")) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> ts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int id = i;
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int j = 0; j < perThread; j++) {
                        t.event("Step").field("thread", id).field("payload", big).emit();
                    }
                });
                th.start();
                ts.add(th);
            }
            start.countDown();
            for (Thread th : ts) {
                th.join();
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread);
        java.util.Set<Long> clocks = new java.util.HashSet<>();
        for (String l : lines) {
            JsonNode n = parse(l);
            assertThat(n.get("payload").asText()).hasSize(5000);
            assertThat(clocks.add(n.get("clock").asLong())).as("every step has its own clock").isTrue();
        }
    }

    @Test
    void aSchemaFieldLeadsEveryLineWhenAsked() {
        MemorySink sink = new MemorySink();
        Tracer.builder("n1").sink(sink).schema(1).clock(41).build().event("Timeout").emit();
        assertThat(sink.lines().get(0)).startsWith("{\"schema\":1,\"clock\":42,\"node\":\"n1\",\"event\":\"Timeout\"");
    }
}
