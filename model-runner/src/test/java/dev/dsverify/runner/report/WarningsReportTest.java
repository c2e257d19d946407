package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.TlcWarning;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import tlc2.output.EC;

/** The HTML page and the JUnit XML show every warning TLC printed, with its code, even for a passing model. */
class WarningsReportTest {
    private static final TlcWarning SYMMETRY = new TlcWarning(EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY,
            "Declaring symmetry during liveness checking is dangerous.");
    private static final TlcWarning SANY = new TlcWarning(null,
            "Warning: the definition of '" + Samples.EVIL + "' conflicts with\nits definition in module A.");

    private static List<ModelReport> reports() {
        ModelCheckResult warned = Samples.passing("Warned").withWarnings(List.of(SYMMETRY, SANY));
        return List.of(ModelReport.expectingSuccess(Samples.passing("Quiet")), ModelReport.expectingSuccess(warned));
    }

    @Test
    void html_lists_each_warning_with_its_model_and_code_escaped() {
        String html = new HtmlReport().render(reports(), Instant.EPOCH);
        int at = html.indexOf("<section class=\"card\" id=\"warnings\">");
        assertThat(at).isPositive();
        String section = html.substring(at, html.indexOf("</section>", at));
        assertThat(section).contains("Warnings from TLC", ">2</span>", ">Warned<", ">TLC "
                + EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY + "<", ">SANY<", "dangerous", "&lt;script&gt;");
        assertThat(section).doesNotContain(">Quiet<");
        assertThat(html.indexOf("<script")).isEqualTo(html.lastIndexOf("<script"));
    }

    @Test
    void the_index_counts_each_models_warnings_and_its_file_holds_them(@TempDir Path dir) throws Exception {
        new JsonReport().write(dir, reports(), Instant.EPOCH);
        JsonNode index = new ObjectMapper().readTree(dir.resolve("index.json").toFile());
        assertThat(index.at("/models/0/warnings").asInt()).isZero();
        assertThat(index.at("/models/1/warnings").asInt()).isEqualTo(2);
        JsonNode warned = new ObjectMapper().readTree(dir.resolve(index.at("/models/1/file").asText()).toFile());
        assertThat(warned.at("/warnings/0/code").asInt()).isEqualTo(EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY);
        assertThat(warned.at("/warnings/1/code").isNull()).isTrue();
    }

    @Test
    void html_has_no_warnings_section_without_warnings() {
        String html = new HtmlReport().render(List.of(ModelReport.expectingSuccess(Samples.passing("Quiet"))),
                Instant.EPOCH);
        assertThat(html).doesNotContain("id=\"warnings\"");
    }

    @Test
    void junit_system_out_of_a_passing_model_holds_its_warnings() throws Exception {
        String xml = new JUnitReport("m").render(reports(), Instant.EPOCH);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element warned = (Element) doc.getElementsByTagName("testcase").item(1);
        assertThat(warned.getElementsByTagName("failure").getLength()).isZero();
        String out = warned.getElementsByTagName("system-out").item(0).getTextContent();
        assertThat(out).contains("2 warnings from TLC:",
                "warning (TLC " + EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY + "): Declaring symmetry",
                "warning (SANY): Warning: the definition of '<script>alert('x')</script>' conflicts with its definition in module A.");
        Element quiet = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(quiet.getTextContent()).doesNotContain("warning");
    }
}
