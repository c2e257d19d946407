package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new SimulateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void aPassingSeedExitsZeroAndWritesItsTrace(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.ndjson");
        assertThat(run("--seed", "5", "--ops", "100", "--faults", "drop,dup,reorder,partition,crash,pause",
                "--trace", trace.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("seed 5: PASS").contains("events written to");
        assertThat(Files.readAllLines(trace)).isNotEmpty().allMatch(l -> l.startsWith("{\"schema\":1,"));
    }

    @Test
    void tornWritesAndTheOptionsRunInSweeps() {
        assertThat(run("--seeds", "1..3", "--ops", "50", "--faults", "all,torn", "--pre-vote", "--check-quorum",
                "--snapshot-every", "5")).isEqualTo(0);
        assertThat(out.toString()).contains("3 passed, 0 failed");
    }

    @Test
    void crashesInsideStepsAreTracedAndTheirScheduleRunsAgain(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.ndjson");
        assertThat(run("--seed", "1", "--ops", "60", "--faults", "all,torn", "--trace", trace.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("seed 1: PASS").contains("crashes inside steps");
        assertThat(Files.readAllLines(trace)).isNotEmpty().anyMatch(l -> l.contains("\"event\":\"Restart\""));
        Path again = dir.resolve("again.ndjson");
        assertThat(run("--seed", "1", "--ops", "60", "--trace", again.toString(), "--schedule",
                "ops=60/types=drop/tcrash:n1:100000:400000/pcrash:n2:500000:900000/scrash:n3:1000000:1400000"))
                .isEqualTo(0);
        assertThat(Files.readAllLines(again)).isNotEmpty();
    }

    @Test
    void isRegisteredUnderTheMainCommand() {
        CommandLine main = Dsverify.commandLine();
        main.setOut(new PrintWriter(out));
        main.setErr(new PrintWriter(err));
        assertThat(main.execute("simulate", "--seed", "2", "--ops", "30")).isEqualTo(0);
        assertThat(out.toString()).contains("seed 2: PASS");
    }

    @Test
    void aSweepPrintsASummary() {
        assertThat(run("--seeds", "1..5", "--ops", "50")).isEqualTo(0);
        assertThat(out.toString()).contains("5 seeds (1..5)").contains("5 passed, 0 failed");
    }

    @Test
    void aFailingSeedExitsOneWithItsShrunkSchedule() {
        assertThat(run("--seed", "1", "--ops", "200", "--bug", "commit-backwards", "--shrink-budget", "20"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("FAIL").contains("CommitIndexMonotonic").contains("minimal schedule");
    }

    @Test
    void badUsageExitsTwoWithAClearMessage() {
        assertThat(run("--seeds", "9..1")).isEqualTo(2);
        assertThat(err.toString()).contains("--seeds expects FROM..TO");
        assertThat(run("--seed", "1", "--faults", "meteor")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown fault 'meteor'");
        assertThat(run("--seeds", "1..2", "--trace", "x.ndjson")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    /** The arguments of the printed command after "dsverify simulate" (the values hold no spaces). */
    private static String[] command(String report, String label) {
        String line = report.lines().filter(l -> l.strip().startsWith(label + " dsverify simulate ")).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' line in:\n" + report));
        return line.strip().substring((label + " dsverify simulate ").length()).split(" ");
    }

    /** The first failing seed's property, e.g. "ElectionSafety", from its summary line. */
    private static String failedProperty(String report) {
        return report.lines().filter(l -> l.contains("FAIL")).findFirst().orElseThrow();
    }

    @Test
    void thePrintedReproduceLinesRunTheFailureAgain() {
        assertThat(run("--seeds", "41..55", "--bug", "double-vote", "--ops", "200")).isEqualTo(1);
        String report = out.toString();
        String[] original = command(report, "reproduce:");
        String[] minimal = command(report, "reproduce the minimal schedule:");
        String firstFailure = failedProperty(report);
        String seed = original[1];

        out.getBuffer().setLength(0);
        assertThat(run(minimal)).as(String.join(" ", minimal)).isEqualTo(1);
        String minimalRun = out.toString();
        assertThat(minimalRun).contains("seed " + seed + ": FAIL");
        // the same property fails, and the minimal run's own minimal schedule is the one it ran
        String property = firstFailure.replaceAll(".*FAIL[^A-Za-z]*", "").split("[ :(]")[0];
        assertThat(failedProperty(minimalRun)).contains(property);

        out.getBuffer().setLength(0);
        assertThat(run(original)).as(String.join(" ", original)).isEqualTo(1);
        assertThat(out.toString()).contains("seed " + seed + ": FAIL");
    }

    @Test
    void aScheduleRoundTripsAndBadOnesAreNamed() {
        assertThat(run("--seed", "4", "--schedule", "ops=20/types=delay.drop/crash:n2:100000:400000/"
                + "part:0:900000:n1-n2.n2-n1/pause:n3:5:600000/skew:n1:0.93")).isEqualTo(0);
        assertThat(out.toString()).contains("seed 4: PASS");
        assertThat(run("--seeds", "1..2", "--schedule", "ops=1/types=none")).isEqualTo(2);
        assertThat(err.toString()).contains("--schedule is one run's schedule; use it with --seed");
        assertThat(run("--seed", "1", "--schedule", "ops=5/types=none/crash:n7:1:2")).isEqualTo(2);
        assertThat(err.toString()).contains("--schedule: part 3 'crash:n7:1:2': no server 'n7'");
        assertThat(run("--seed", "1", "--schedule", "ops=5/types=none/pause:n1:9:2")).isEqualTo(2);
        assertThat(err.toString()).contains("ends at 2, before it starts at 9");
        assertThat(run("--seed", "1", "--schedule", "ops=5")).isEqualTo(2);
        assertThat(err.toString()).contains("a schedule starts ops=N/types=KINDS");
    }
}
