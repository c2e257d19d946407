package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dsverify check} end to end with real TLC runs: exit codes, printed summary and JSON. */
class CheckCommandTest {
    static final Path RES = Path.of("src/test/resources").toAbsolutePath();
    static final Path COUNTER = RES.resolve("catalog/Counter.tla");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run dsverify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Dsverify.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void invariantViolationExits1WithTableAndJson() throws IOException {
        Path json = tmp.resolve("r.json");
        Run r = dsverify("check", COUNTER.toString(), "--config", RES.resolve("catalog/Counter.cfg").toString(),
                "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("Counter: invariant_violation (Small)")
                .contains("Counterexample (4 states)")
                .contains("Initial predicate")
                .contains("3 *");
        JsonNode j = json(json);
        assertThat(j.get("outcome").asText()).isEqualTo("invariant_violation");
        assertThat(j.get("violated").asText()).isEqualTo("Small");
        assertThat(j.at("/stats/distinctStates").asLong()).isEqualTo(5);
        assertThat(j.get("trace")).hasSize(4);
        assertThat(j.at("/trace/3/vars/x").asInt()).isEqualTo(3);
        assertThat(j.at("/trace/0/vars/y/record/b").asText()).isEqualTo("s");
        assertThat(j.get("tlcExitCode").asInt()).isEqualTo(12);
    }

    @Test
    void successExits0() {
        Run r = dsverify("check", COUNTER.toString(), "--config", RES.resolve("catalog/CounterOk.cfg").toString(),
                "--coverage");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Counter: success").contains("15 distinct states").contains("Coverage");
    }

    @Test
    void simulationWithoutViolationIsIncompleteAndExits3() {
        Run r = dsverify("check", COUNTER.toString(), "--config", RES.resolve("catalog/CounterOk.cfg").toString(),
                "--simulate", "depth=10,traces=5,seed=1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("incomplete");
    }

    @Test
    void badInputGivesOneLineErrorsAndExit2() throws IOException {
        Run missing = dsverify("check", tmp.resolve("Nope.tla").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("dsverify: error: spec file not found").doesNotContain("\n");

        Path dirCfg = Files.createDirectory(tmp.resolve("Dir.cfg"));
        Run unreadable = dsverify("check", COUNTER.toString(), "--config", dirCfg.toString());
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err()).contains("Dir.cfg").doesNotContain("Exception");

        Path noInv = Files.writeString(tmp.resolve("NoInv.cfg"), "CONSTANT N = 4\nINIT Init\nNEXT Next\nINVARIANT Nonexistent\n");
        Run undefined = dsverify("check", COUNTER.toString(), "--config", noInv.toString());
        assertThat(undefined.exit()).isEqualTo(2);
        assertThat(undefined.err()).contains("config_error").contains("Nonexistent").doesNotContain("Exception");

        Run syntax = dsverify("check", RES.resolve("bad/Syntax.tla").toString());
        assertThat(syntax.exit()).isEqualTo(2);
        assertThat(syntax.err()).contains("parse_error").contains("Syntax.tla:5:20");

        Run usage = dsverify("check", "--timeout", "soon", COUNTER.toString());
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("not a duration");
    }

    @Test
    void catalogRunWritesOneJsonPerModelAndExits0WhenAllAsExpected() throws IOException {
        Path dir = tmp.resolve("results");
        Run r = dsverify("check", "--catalog", RES.resolve("catalog/catalog.json").toString(), "--tag", "quick",
                "--json-dir", dir.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("2 of 2 models as expected").contains("CounterSmall").doesNotContain("CounterDeadlock");
        JsonNode small = json(dir.resolve("CounterSmall.json"));
        assertThat(small.at("/expected/outcome").asText()).isEqualTo("invariant_violation");
        assertThat(small.at("/expected/violated").asText()).isEqualTo("Small");
        assertThat(small.get("asExpected").asBoolean()).isTrue();
        assertThat(json(dir.resolve("CounterOk.json")).get("outcome").asText()).isEqualTo("success");
    }

    @Test
    void catalogMismatchExitsNonZero() throws IOException {
        Path cat = Files.writeString(tmp.resolve("catalog.json"), """
                {"schema": 1, "models": [
                  {"name": "WrongExpectation", "spec": "%s", "config": "%s", "expect": {"outcome": "success"}}
                ]}""".formatted(COUNTER.toString().replace("\\", "/"),
                RES.resolve("catalog/Counter.cfg").toString().replace("\\", "/")));
        Run r = dsverify("check", "--catalog", cat.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL").contains("expected success");
    }

    @Test
    void badCatalogAndMissingDefaultCatalogExit2() throws IOException {
        Path cat = Files.writeString(tmp.resolve("catalog.json"), "{\"schema\": 1, \"include\": [\"gone.json\"]}");
        Run bad = dsverify("check", "--catalog", cat.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("catalog.json:1").contains("gone.json");

        // Tests run in cli/, which has no specs/catalog.json.
        Run none = dsverify("check");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("specs/catalog.json not found");
    }

    @Test
    void libraryOptionLetsTheSpecExtendAModuleInAnotherDirectory() throws IOException {
        Path climb = RES.resolve("library/models/Climb.tla");
        Path lib = RES.resolve("library/lib");
        Path json = tmp.resolve("climb.json");
        Run with = dsverify("check", climb.toString(), "--library", tmp.toString(), "--library", lib.toString(),
                "--json", json.toString());
        assertThat(with.exit()).as(with.out() + with.err()).isEqualTo(1);
        assertThat(with.out()).contains("Climb: invariant_violation (BelowTop)").contains("Counterexample (4 states)");
        assertThat(json(json).get("violated").asText()).isEqualTo("BelowTop");

        Run without = dsverify("check", climb.toString());
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.err()).contains("parse_error").contains("Limits");
    }

    @Test
    void aSpecUsingTlapsAndTheCommunityModulesChecksWithoutALibrary() {
        Run r = dsverify("check", RES.resolve("modules/Ledger.tla").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Ledger: success").contains("121 distinct states");
    }

    @Test
    void aMissingModuleNamesTheExtendsLineAndTheLibraryOption() {
        Path climb = RES.resolve("library/models/Climb.tla");
        Run r = dsverify("check", climb.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("module Limits not found: EXTENDS Limits at " + climb + ":3;")
                .contains("--library DIR").contains("at " + climb + ":3:")
                .doesNotContain(":0:0").doesNotContain("tmp-server");
    }

    @Test
    void badLibraryOptionsExit2() {
        Path climb = RES.resolve("library/models/Climb.tla");
        Path gone = tmp.resolve("gone");
        Run missing = dsverify("check", climb.toString(), "--library", gone.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("dsverify: error: --library directory not found: " + gone);

        Run withCatalog = dsverify("check", "--catalog", RES.resolve("catalog/catalog.json").toString(),
                "--library", RES.resolve("library/lib").toString());
        assertThat(withCatalog.exit()).isEqualTo(2);
        assertThat(withCatalog.err()).contains("--library need SPEC.tla").contains("in the catalog");
    }

    @Test
    void catalogModelsUseTheirLibraryField() throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        for (String f : new String[] {"Climb.tla", "Climb.cfg"}) {
            Files.copy(RES.resolve("library/models/" + f), models.resolve(f));
        }
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.copy(RES.resolve("library/lib/Limits.tla"), lib.resolve("Limits.tla"));
        Path cat = Files.writeString(tmp.resolve("catalog.json"), """
                {"schema": 1, "models": [
                  {"name": "climb", "spec": "models/Climb.tla", "config": "models/Climb.cfg", "library": ["lib"],
                   "expect": {"outcome": "invariant_violation", "violated": "BelowTop"}}
                ]}""");
        Path json = tmp.resolve("json");
        Run r = dsverify("check", "--catalog", cat.toString(), "--json-dir", json.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("[1/1] ok   climb: invariant_violation (BelowTop)")
                .contains("1 of 1 models as expected");
        // The run's index.json names each model's file, outcome and verdict, as the Maven goal's does.
        String index = Files.readString(json.resolve("index.json"));
        assertThat(index).contains("\"climb\"").contains("\"climb.json\"").contains("invariant_violation");
        assertThat(json.resolve("climb.json")).exists();
    }
}
