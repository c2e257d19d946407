package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writes_one_file_per_model_and_an_index(@TempDir Path dir) throws Exception {
        Map<String, String> files = new JsonReport(r -> "{\"name\":" + MAPPER.valueToTree(r.name()) + "}")
                .write(dir, Samples.mixed(), Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(files).containsEntry("Counter", "Counter.json")
                .containsEntry("Raft" + Samples.EVIL, "Raft_script_alert__x____script_.json");
        JsonNode index = MAPPER.readTree(dir.resolve("index.json").toFile());
        assertThat(index.get("schema").asInt()).isEqualTo(1);
        assertThat(index.get("generatedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(index.get("total").asInt()).isEqualTo(5);
        assertThat(index.get("passed").asInt()).isEqualTo(2);
        assertThat(index.get("failed").asInt()).isEqualTo(3);
        JsonNode liveness = index.get("models").get(2);
        assertThat(liveness.get("name").asText()).isEqualTo("Liveness");
        assertThat(liveness.get("outcome").asText()).isEqualTo("property_violation");
        assertThat(liveness.get("violated").asText()).isEqualTo("EventuallyDone");
        assertThat(liveness.get("expected").get("outcome").asText()).isEqualTo("property_violation");
        assertThat(liveness.get("asExpected").asBoolean()).isTrue();
        assertThat(liveness.get("stats").get("distinctStates").asLong()).isEqualTo(50);
        assertThat(liveness.get("stats").get("durationMillis").asLong()).isEqualTo(900);
        assertThat(liveness.get("traceLength").asInt()).isEqualTo(4);
        assertThat(liveness.get("file").asText()).isEqualTo("Liveness.json");
        JsonNode broken = index.get("models").get(4);
        assertThat(broken.get("asExpected").asBoolean()).isFalse();
        assertThat(broken.get("violated").isNull()).isTrue();
        assertThat(broken.get("stats").get("distinctStates").asLong()).isEqualTo(-1);
        for (JsonNode m : index.get("models")) {
            JsonNode file = MAPPER.readTree(dir.resolve(m.get("file").asText()).toFile());
            assertThat(file.get("name").asText()).isEqualTo(m.get("name").asText());
        }
        // Atomic writes leave no temporary files behind.
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void model_files_are_result_json_documents_that_read_back_equal(@TempDir Path dir) throws Exception {
        new JsonReport().write(dir, Samples.mixed(), Instant.EPOCH);
        var doc = dev.dsverify.runner.ResultJson.read(dir.resolve("Raft_script_alert__x____script_.json"));
        assertThat(doc.result()).isEqualTo(Samples.raftViolation());
        assertThat(doc.expected()).isEqualTo(dev.dsverify.runner.Expectation.success());
        assertThat(doc.asExpected()).isFalse();
        var lasso = dev.dsverify.runner.ResultJson.read(dir.resolve("Liveness.json"));
        assertThat(lasso.result().loopsBackTo()).isEqualTo(1);
        assertThat(lasso.asExpected()).isTrue();
        JsonNode index = MAPPER.readTree(dir.resolve("index.json").toFile());
        JsonNode file = MAPPER.readTree(dir.resolve("Liveness.json").toFile());
        assertThat(index.get("models").get(2).get("stats")).isEqualTo(file.get("stats"));
    }

    @Test
    void file_names_stay_unique_and_never_shadow_the_index() {
        List<ModelReport> reports = List.of(
                ModelReport.expectingSuccess(Samples.passing("a/b")),
                ModelReport.expectingSuccess(Samples.passing("a b")),
                ModelReport.expectingSuccess(Samples.passing("index")),
                ModelReport.expectingSuccess(Samples.passing("..")));
        assertThat(JsonReport.fileNames(reports).values())
                .containsExactly("a_b.json", "a_b-2.json", "index-2.json", "model...json");
    }

    @Test
    void duplicate_model_names_are_an_error() {
        List<ModelReport> reports = List.of(
                ModelReport.expectingSuccess(Samples.passing("X")), ModelReport.expectingSuccess(Samples.passing("X")));
        assertThatThrownBy(() -> JsonReport.fileNames(reports)).hasMessageContaining("two results are named 'X'");
    }
}
