package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ModelChecker;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.TlcRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports on real TLC counterexamples (not hand-built ones): a message-passing safety violation and a
 * liveness lasso, each checked by a forked TLC. The page is kept at target/dsverify-browser/tlc-report.html.
 */
class HtmlReportTlcTest {
    private static final Path SPECS = Path.of("src/test/resources/report-specs").toAbsolutePath();

    @TempDir
    static Path temp;

    private static ModelCheckResult pingPong;
    private static ModelCheckResult cycle;
    private static String html;

    @BeforeAll
    static void check() throws Exception {
        ModelChecker checker = new ModelChecker(TlcRuntime.current(), temp);
        pingPong = checker.run(ModelCheck.builder(SPECS.resolve("PingPong.tla"))
                .config(SPECS.resolve("PingPong.cfg")).build());
        cycle = checker.run(ModelCheck.builder(SPECS.resolve("Cycle.tla")).config(SPECS.resolve("Cycle.cfg")).build());
        List<ModelReport> reports = List.of(
                ModelReport.expectingSuccess(pingPong),
                new ModelReport(cycle, new Expectation(Outcome.PROPERTY_VIOLATION, "ReachesThree")));
        Path out = Files.createDirectories(Path.of("target", "dsverify-browser"));
        new HtmlReport("dsverify: TLC counterexamples", List.of()).write(out.resolve("tlc-report.html"), reports,
                Instant.now());
        html = Files.readString(out.resolve("tlc-report.html"));
    }

    @Test
    void message_sequence_of_a_real_invariant_violation() {
        assertThat(pingPong.outcome()).as(pingPong.message()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(pingPong.violated()).isEqualTo("AtMostOnePong");
        MessageFlow flow = MessageFlow.detect(pingPong.trace(), null).orElseThrow();
        assertThat(flow.variable()).isEqualTo("msgs");
        assertThat(flow.processes()).containsExactly("p1", "p2", "p3");
        // BFS finds the shortest trace: two pings to one process, then its two pongs.
        assertThat(flow.messages()).hasSize(4);
        assertThat(flow.messages()).extracting(MessageFlow.Message::label)
                .containsExactly("ping", "ping", "pong", "pong");
        MessageFlow.Message firstPong = flow.messages().get(2);
        assertThat(firstPong.state()).isEqualTo(3);
        assertThat(pingPong.trace().get(3).action()).isEqualTo("Answer");
        assertThat(html).contains("<svg class=\"msc\"", "violates AtMostOnePong");
    }

    @Test
    void lasso_of_a_real_liveness_violation() {
        assertThat(cycle.outcome()).as(cycle.message()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(cycle.loopsBackTo()).isNotNull();
        int loop = cycle.loopsBackTo();
        assertThat(html).contains("loop starts here", "back to state " + cycle.trace().get(loop).number());
        assertThat(html).contains("<svg class=\"lasso\"");
    }
}
