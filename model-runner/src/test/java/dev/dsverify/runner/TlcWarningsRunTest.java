package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tlc2.output.EC;

/** A real TLC run whose model holds but makes TLC and SANY warn: the result and its JSON carry every warning. */
class TlcWarningsRunTest {
    private static final Path DIR = Path.of("src/test/resources/warnings").toAbsolutePath();

    @Test
    void warningsOfAPassingRunReachTheResultAndItsJson() {
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(DIR.resolve("Warn.tla"))
                .config(DIR.resolve("Warn.cfg")).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.warnings()).extracting(TlcWarning::code).containsExactly(null,
                EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY, EC.TLC_FEATURE_LIVENESS_CONSTRAINTS,
                EC.TLC_EXCEPT_APPLIED_TO_UNKNOWN_FIELD);
        assertThat(r.warnings().get(0).text()).contains("'Limit'").contains("module WarnRight");

        JsonNode json = ResultJson.toJson(r, null);
        assertThat(json.get("warnings")).hasSize(4);
        assertThat(json.at("/warnings/0/code").isNull()).isTrue();
        assertThat(json.at("/warnings/0/source").asText()).isEqualTo("SANY");
        assertThat(json.at("/warnings/1/code").asInt()).isEqualTo(EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY);
        assertThat(json.at("/warnings/1/source").asText()).isEqualTo("TLC");
        assertThat(json.at("/warnings/1/text").asText()).startsWith("Declaring symmetry during liveness checking");
        // Every field that was there before warnings were kept is still there.
        assertThat(json.has("tlcExitCode")).isTrue();
        assertThat(json.has("coverage")).isTrue();
        assertThat(ResultJson.fromJson(json).result().warnings()).isEqualTo(r.warnings());
    }
}
