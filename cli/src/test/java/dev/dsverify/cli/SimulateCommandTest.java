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
        assertThat(run("--seed", "1", "--faults", "all,torn", "--trace", "x.ndjson")).isEqualTo(2);
        assertThat(err.toString()).contains("torn");
        assertThat(run()).isEqualTo(2);
    }
}
