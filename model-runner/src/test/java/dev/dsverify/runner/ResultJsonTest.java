package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON mapping round-trips real results and has the documented field names. */
class ResultJsonTest {

    @Test
    void invariantViolationRoundTrips(@TempDir Path dir) throws Exception {
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "Counter").build());
        Path file = dir.resolve("out/Counter.json");
        Expectation expected = new Expectation(Outcome.INVARIANT_VIOLATION, "Small");
        ResultJson.write(file, r, expected);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("name").asText()).isEqualTo("Counter");
        assertThat(json.get("outcome").asText()).isEqualTo("invariant_violation");
        assertThat(json.get("violated").asText()).isEqualTo("Small");
        assertThat(json.get("errorPosition").isNull()).isTrue();
        assertThat(json.at("/stats/distinctStates").asLong()).isEqualTo(5);
        assertThat(json.at("/stats/generatedStates").asLong()).isPositive();
        assertThat(json.at("/stats/statesLeftOnQueue").isIntegralNumber()).isTrue();
        assertThat(json.at("/stats/durationMillis").asLong()).isPositive();
        assertThat(json.at("/stats/distinctStatesPerSecond").isNumber()).isTrue();
        assertThat(json.get("trace")).hasSize(4);
        assertThat(json.at("/trace/1/action").asText()).isEqualTo("Inc");
        assertThat(json.at("/trace/1/location/line").asInt()).isEqualTo(7);
        assertThat(json.at("/trace/0/location").isNull()).isTrue();
        assertThat(json.at("/trace/3/vars/x").isMissingNode()).isFalse();
        assertThat(json.get("loopsBackTo").isNull()).isTrue();
        assertThat(json.get("stuttering").asBoolean()).isFalse();
        assertThat(json.get("tlcExitCode").asInt()).isEqualTo(12);
        assertThat(json.at("/expected/outcome").asText()).isEqualTo("invariant_violation");
        assertThat(json.get("asExpected").asBoolean()).isTrue();

        ResultJson.Document back = ResultJson.read(file);
        assertThat(back.expected()).isEqualTo(expected);
        assertThat(back.result().trace()).isEqualTo(r.trace());
        assertThat(back.result().outcome()).isEqualTo(r.outcome());
        assertThat(back.result().violated()).isEqualTo("Small");
        assertThat(back.result().stats().distinctStates()).isEqualTo(5);
        assertThat(back.result().tlcExitCode()).isEqualTo(12);
    }

    @Test
    void lassoAndParseErrorFields(@TempDir Path dir) throws Exception {
        ModelCheckResult lasso = Specs.CHECKER.run(Specs.check("Loop", "LoopLasso").build());
        JsonNode l = ResultJson.toJson(lasso, null);
        assertThat(l.get("loopsBackTo").asInt()).isZero();
        assertThat(l.get("expected").isNull()).isTrue();
        assertThat(l.get("asExpected").asBoolean()).isFalse();
        assertThat(ResultJson.fromJson(l).result().loopsBackTo()).isZero();

        ModelCheckResult parse = Specs.CHECKER.run(Specs.check("Syntax", "Syntax").build());
        JsonNode p = ResultJson.toJson(parse, null);
        assertThat(p.get("outcome").asText()).isEqualTo("parse_error");
        assertThat(p.at("/errorPosition/line").asInt()).isEqualTo(5);
        assertThat(p.at("/errorPosition/column").asInt()).isEqualTo(20);
        assertThat(p.at("/errorPosition/file").asText()).endsWith("Syntax.tla");
        assertThat(ResultJson.fromJson(p).result().errorPosition()).isEqualTo(parse.errorPosition());
    }
}
