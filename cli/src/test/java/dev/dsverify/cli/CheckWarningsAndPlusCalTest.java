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
import tlc2.output.EC;

/** {@code dsverify check} shows TLC's warnings, fails a stale PlusCal translation, and translates on request. */
class CheckWarningsAndPlusCalTest {
    private static final Path RES = Path.of("src/test/resources").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path copy(String dir, String module) throws Exception {
        Files.copy(RES.resolve(dir).resolve(module + ".cfg"), tmp.resolve(module + ".cfg"));
        return Files.copy(RES.resolve(dir).resolve(module + ".tla"), tmp.resolve(module + ".tla"));
    }

    @Test
    void warningsOfAPassingCheckArePrintedAndWrittenToJson() throws Exception {
        Path json = tmp.resolve("warn.json");
        Run r = dsverify("check", RES.resolve("warnings/Warn.tla").toString(), "--json", json.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Warn: success")
                .contains("  warning (SANY): Warning: the definition of 'Limit' conflicts with")
                .contains("  warning (TLC " + EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY
                        + "): Declaring symmetry during liveness checking is dangerous")
                .contains("  warning (TLC " + EC.TLC_FEATURE_LIVENESS_CONSTRAINTS + "): ")
                .contains("  warning (TLC " + EC.TLC_EXCEPT_APPLIED_TO_UNKNOWN_FIELD
                        + "): The EXCEPT was applied to non-existing fields");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("outcome").asText()).isEqualTo("success");
        assertThat(j.get("warnings")).hasSize(4);
        assertThat(j.at("/warnings/3/code").asInt()).isEqualTo(EC.TLC_EXCEPT_APPLIED_TO_UNKNOWN_FIELD);
    }

    @Test
    void aStaleTranslationExits2AndTranslateFixesIt() throws Exception {
        Path spec = copy("pluscal", "Stale");
        Run stale = dsverify("check", spec.toString());
        assertThat(stale.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(stale.out()).contains("stale PlusCal translation: the PlusCal algorithm in module Stale has changed")
                .contains("at " + spec + ":12:1");
        assertThat(stale.err()).contains("parse_error").contains("--translate");

        Run allowed = dsverify("check", spec.toString(), "--allow-stale-translation");
        assertThat(allowed.exit()).as(allowed.out()).isZero();
        assertThat(allowed.out()).contains("warning (SANY): The PlusCal algorithm in module Stale has changed");

        Run translated = dsverify("check", spec.toString(), "--translate");
        assertThat(translated.exit()).as(translated.out() + translated.err()).isZero();
        assertThat(translated.out()).contains("7 distinct").doesNotContain("warning");
        assertThat(Files.readString(spec)).contains("IF x < 5");
        assertThat(dsverify("check", spec.toString()).exit()).isZero();
    }

    @Test
    void anUntranslatedAlgorithmSaysHowToTranslateIt() throws Exception {
        Path spec = copy("pluscal", "Untranslated");
        Run r = dsverify("check", spec.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("has a PlusCal algorithm but no TLA+ translation").contains("--translate");
        assertThat(dsverify("check", spec.toString(), "--translate").exit()).isZero();
    }

    @Test
    void translateNeedsASpec() {
        Run r = dsverify("check", "--catalog", "nope.json", "--translate");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--translate needs SPEC.tla");
    }
}
