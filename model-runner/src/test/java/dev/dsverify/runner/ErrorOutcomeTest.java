package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models that are wrong in other ways than a violated property, and bad input. */
class ErrorOutcomeTest {

    @Test
    void assertionFailure() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Errors", "ErrorsAssert").build());
        assertThat(r.outcome()).isEqualTo(Outcome.ASSERTION_FAILURE);
        assertThat(r.message()).contains("x too big");
        assertThat(r.trace()).hasSize(3);
        assertThat(r.tlcExitCode()).isEqualTo(14);
    }

    @Test
    void assumptionFailure() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Assume", "Assume").build());
        assertThat(r.outcome()).isEqualTo(Outcome.ASSUMPTION_FAILURE);
        assertThat(r.errorPosition().line()).isEqualTo(4);
        assertThat(r.errorPosition().file()).endsWith("Assume.tla");
        assertThat(r.trace()).isEmpty();
    }

    @Test
    void evaluationError() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Errors", "ErrorsEval").build());
        assertThat(r.outcome()).isEqualTo(Outcome.EVALUATION_ERROR);
        assertThat(r.errorPosition()).isNotNull();
        assertThat(r.errorPosition().line()).isEqualTo(6);
        assertThat(r.errorPosition().file()).endsWith("Errors.tla");
        assertThat(r.message()).contains("StringValue");
        assertThat(r.tlcExitCode()).isEqualTo(75);
    }

    @Test
    void syntaxErrorAtLineAndColumn() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Syntax", "Syntax").build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.errorPosition().file()).endsWith("Syntax.tla");
        assertThat(r.errorPosition().line()).isEqualTo(5);
        assertThat(r.errorPosition().column()).isEqualTo(20);
        assertThat(r.message()).contains("Encountered");
        assertThat(r.stats().distinctStates()).isEqualTo(-1);
    }

    @Test
    void precedenceConflictAtLineAndColumn() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Precedence", "Precedence").build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.errorPosition().file()).endsWith("Precedence.tla");
        assertThat(r.errorPosition().line()).isEqualTo(6);
        assertThat(r.errorPosition().column()).isEqualTo(16);
        assertThat(r.message()).contains("Precedence conflict");
    }

    @Test
    void semanticErrorAtLineAndColumn() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Semantic", "Semantic").build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.errorPosition().file()).endsWith("Semantic.tla");
        assertThat(r.errorPosition().line()).isEqualTo(5);
        assertThat(r.errorPosition().column()).isEqualTo(14);
        assertThat(r.message()).contains("Unknown operator");
    }

    @Test
    void nonexistentInvariant() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "CounterOk").invariant("NoSuchInvariant").build());
        assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
        assertThat(r.message()).contains("NoSuchInvariant").contains("not defined");
        assertThat(r.tlcExitCode()).isEqualTo(151);
    }

    @Test
    void cfgSyntaxError(@TempDir Path dir) throws IOException {
        Path cfg = Files.writeString(dir.resolve("Bad.cfg"), "CONSTANT N =\nINIT Init\nNEXT Next\n");
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(Specs.tla("Counter")).config(cfg).build());
        assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
        assertThat(r.message()).contains("configuration file at line 3");
    }

    @Test
    void missingSpecFile() {
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(Specs.DIR.resolve("Nope.tla")).build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).contains("spec file not found").contains("Nope.tla");
    }

    @Test
    void missingCfgFile() {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "NoSuchConfig").build());
        assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
        assertThat(r.message()).contains("cfg file not found").contains("NoSuchConfig.cfg");
    }

    @Test
    void unreadableCfg(@TempDir Path dir) throws IOException {
        // A directory cannot be read as a file, even by root (for whom permission bits do not apply).
        Path cfg = Files.createDirectory(dir.resolve("Dir.cfg"));
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(Specs.tla("Counter")).config(cfg).build());
        assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
        assertThat(r.message()).contains("Dir.cfg");
    }

    @Test
    void inlineModelWithoutCfgFile() {
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(Specs.tla("Counter"))
                .constant("N", "4").init("Init").next("Next").invariant("Small").build());
        assertThat(r.outcome()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(r.violated()).isEqualTo("Small");
        assertThat(r.stats().distinctStates()).isEqualTo(5);
    }
}
