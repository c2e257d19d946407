package dev.dsverify.cli;

import static dev.dsverify.cli.CheckCommandTest.dsverify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsverify.cli.CheckCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every user of the command relies on: usage, version, one error form, exit codes, no stale results. */
class CliBasicsTest {
    static final Path RES = Path.of("src/test/resources").toAbsolutePath();
    static final Path PROCESS = RES.resolve("process");

    @TempDir
    Path tmp;

    @Test
    void withoutACommandPrintsUsageOnStderrAndExits2() {
        Run r = dsverify();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("dsverify: error: no command given").contains("Usage: dsverify")
                .contains("check");
    }

    @Test
    void versionNamesDsverifyTlcAndJava() {
        Run r = dsverify("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("(?m)^dsverify \\d+\\.\\d+\\.\\d+")
                .contains("TLC 2.18 of 20 March 2023")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void everyCommandReportsErrorsInOneForm() {
        Run check = dsverify("check", tmp.resolve("Nope.tla").toString());
        Run unknownOption = dsverify("check", "--no-such-option");
        Run report = dsverify("report", "--json-dir", tmp.resolve("none").toString(), "--out",
                tmp.resolve("r.html").toString());
        Run replay = dsverify("replay", tmp.resolve("none.ndjson").toString());
        Run kv = dsverify("kv", "--cluster", "n1=127.0.0.1:1", "frobnicate", "k");
        for (Run r : new Run[] {check, unknownOption, report, replay, kv}) {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).as("stderr").startsWith("dsverify: error: ");
        }
        assertThat(unknownOption.err()).contains("--no-such-option").contains("dsverify check --help");
    }

    @Test
    void tooManyWorkersIsAUsageErrorBeforeTlcStarts() {
        long started = System.nanoTime();
        Run r = dsverify("check", PROCESS.resolve("Unbounded.tla").toString(), "--workers", "100000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("dsverify: error: --workers must be between 1 and "
                + CheckCommand.maxWorkers());
        assertThat(r.out()).isEmpty();
        // No TLC ran: a TLC run costs over a second.
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
        assertThat(dsverify("check", PROCESS.resolve("Unbounded.tla").toString(), "--workers", "0").exit())
                .isEqualTo(2);
    }

    @Test
    void anEarlierJsonResultDoesNotSurviveARunThatFailsBeforeChecking() throws Exception {
        Path json = Files.writeString(tmp.resolve("r.json"), "{\"schema\": 1, \"outcome\": \"success\"}");
        Run usage = dsverify("check", PROCESS.resolve("Unbounded.tla").toString(), "--workers", "100000",
                "--json", json.toString());
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(json).doesNotExist();

        Files.writeString(json, "{\"schema\": 1, \"outcome\": \"success\"}");
        Run missing = dsverify("check", tmp.resolve("Gone.tla").toString(), "--json", json.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(json).doesNotExist();
    }

    @Test
    void evaluationErrorInAStepExits2WithTlcsMessageAndLocation() throws Exception {
        Path json = tmp.resolve("r.json");
        Run r = dsverify("check", PROCESS.resolve("DivZero.tla").toString(), "--config",
                PROCESS.resolve("DivZeroNext.cfg").toString(), "--json", json.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("dsverify: error: evaluation_error: ")
                .contains("DivZero.tla:7:").contains("The second argument of \\div is 0");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("outcome").asText()).isEqualTo("evaluation_error");
    }

    @Test
    void evaluationErrorInTheInitialPredicateCarriesTlcsMessage() {
        Run r = dsverify("check", PROCESS.resolve("DivZero.tla").toString(), "--config",
                PROCESS.resolve("DivZeroInit.cfg").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("The second argument of \\div is 0").contains("at ")
                .contains("DivZero.tla:6:");
    }

    @Test
    void violationInAnInitialStateShowsItsOneStateCounterexample() throws Exception {
        Path json = tmp.resolve("r.json");
        Run r = dsverify("check", PROCESS.resolve("InitViolation.tla").toString(), "--json", json.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Counterexample (1 state)").contains("Initial predicate");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("trace")).hasSize(1);
        assertThat(j.at("/trace/0/vars/x").asInt()).isEqualTo(1);
        assertThat(j.get("fingerprint").asInt()).isZero();
    }
}
