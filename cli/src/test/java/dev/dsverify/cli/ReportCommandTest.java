package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.ResultJson;
import dev.dsverify.runner.SourceRange;
import dev.dsverify.runner.Stats;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaInt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static ModelCheckResult violation() {
        List<TraceState> trace = List.of(
                new TraceState(1, "Initial predicate", null, Map.of("x", TlaInt.of(0))),
                new TraceState(2, "Next", new SourceRange("Counter", 9, 9, 9, 24), Map.of("x", TlaInt.of(3))));
        return ModelCheckResult.builder().name("Counter<b>").outcome(Outcome.INVARIANT_VIOLATION)
                .violated("BelowThree").message("Invariant BelowThree is violated.")
                .stats(new Stats(8, 4, 4, 0, Duration.ofMillis(1200), 3.3)).trace(trace).tlcExitCode(12).build();
    }

    private static ModelCheckResult success(String name) {
        return ModelCheckResult.builder().name(name).outcome(Outcome.SUCCESS)
                .stats(new Stats(10, 5, 3, 0, Duration.ofMillis(900), 5.5)).build();
    }

    @Test
    void renders_html_and_junit_from_result_files() throws Exception {
        Path json = Files.createDirectories(dir.resolve("json"));
        ResultJson.write(json.resolve("a.json"), success("Alpha"), null);
        ResultJson.write(json.resolve("b.json"), violation(), Expectation.success());
        Path html = dir.resolve("out/report.html");
        Path junit = dir.resolve("out/junit.xml");
        int code = run("--json-dir", json.toString(), "--out", html.toString(), "--junit", junit.toString(),
                "--title", "Nightly");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote " + html + " (2 models, 1 not as expected) and " + junit);
        String page = Files.readString(html);
        assertThat(page).contains("<title>Nightly</title>", "Alpha", "Counter&lt;b&gt;", "violates BelowThree");
        assertThat(Files.readString(junit)).contains("tests=\"2\"", "failures=\"1\"",
                "message=\"Counter&lt;b&gt;: invariant BelowThree violated (expected success)\"");
    }

    @Test
    void is_a_subcommand_of_dsverify_and_reads_what_check_json_dir_writes() throws Exception {
        Path json = Files.createDirectories(dir.resolve("results"));
        // dsverify check --catalog ... --json-dir writes one ResultJson file per model, with its expectation.
        ResultJson.write(json.resolve("Counter.json"), violation(),
                new Expectation(Outcome.INVARIANT_VIOLATION, "BelowThree"));
        Path html = dir.resolve("report.html");
        CommandLine cl = Dsverify.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("report", "--json-dir", json.toString(), "--out", html.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(1 model, 0 not as expected)");
        assertThat(Files.readString(html)).contains("as expected", "violates BelowThree");
    }

    @Test
    void index_json_sets_the_order() throws Exception {
        Path json = Files.createDirectories(dir.resolve("json"));
        ResultJson.write(json.resolve("a.json"), success("Alpha"), null);
        ResultJson.write(json.resolve("z.json"), success("Zulu"), null);
        Files.writeString(json.resolve("index.json"),
                "{\"schema\":1,\"models\":[{\"file\":\"z.json\"},{\"file\":\"a.json\"}]}");
        assertThat(ReportCommand.read(json)).extracting(r -> r.name()).containsExactly("Zulu", "Alpha");
    }

    @Test
    void bad_input_is_a_clear_error_with_exit_code_2() throws Exception {
        Path html = dir.resolve("r.html");
        assertThat(run("--json-dir", dir.resolve("missing").toString(), "--out", html.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--json-dir").contains("is not a directory");

        Path json = Files.createDirectories(dir.resolve("json"));
        assertThat(run("--json-dir", json.toString(), "--out", html.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no JSON results in " + json);

        Files.writeString(json.resolve("broken.json"), "{\n  \"schema\": 1,\n  \"name\": \n}");
        assertThat(run("--json-dir", json.toString(), "--out", html.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.json:4:").contains("not valid JSON");

        Files.writeString(json.resolve("broken.json"), "{\"schema\": 7}");
        assertThat(run("--json-dir", json.toString(), "--out", html.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.json: not a dsverify result: unsupported schema 7");
        assertThat(err.toString()).doesNotContain("Exception");
        assertThat(html).doesNotExist();
    }
}
