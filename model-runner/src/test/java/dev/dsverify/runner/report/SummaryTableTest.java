package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void one_aligned_row_per_model_and_a_total() {
        String table = SummaryTable.render(Samples.mixed());
        String[] lines = table.split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).startsWith("model").contains("result", "outcome", "expected", "distinct states");
        assertThat(lines[1]).matches("-+");
        assertThat(lines[2]).startsWith("Counter").contains(" ok ", "success", "12,345", "2.3 s");
        assertThat(lines[4]).startsWith("Liveness").contains("property_violation (EventuallyDone)");
        assertThat(lines[6]).startsWith("Broken").contains("FAIL", "parse_error");
        assertThat(lines[7]).isEqualTo("5 models, 2 as expected, 3 not");
        // columns line up: "result" column starts at the same offset on every row
        int col = lines[0].indexOf("result");
        assertThat(lines[2].substring(col)).startsWith("ok");
        assertThat(lines[6].substring(col)).startsWith("FAIL");
    }
}
