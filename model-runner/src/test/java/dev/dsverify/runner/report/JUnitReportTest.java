package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {

    @Test
    void each_model_is_a_test_case_in_surefire_format() throws Exception {
        Document doc = parse(new JUnitReport("dsverify.models").render(Samples.mixed(),
                Instant.parse("2026-01-02T03:04:05Z")));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("dsverify.models");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        // Raft and Stutter violate unexpectedly (failures); Broken never got checked (error).
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-01-02T03:04:05");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(5);
        Element counter = (Element) cases.item(0);
        assertThat(counter.getAttribute("name")).isEqualTo("Counter");
        assertThat(counter.getAttribute("classname")).isEqualTo("dsverify.models");
        assertThat(counter.getAttribute("time")).isEqualTo("2.300");
        assertThat(counter.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void failure_message_names_the_violated_invariant_and_system_out_holds_a_short_trace() throws Exception {
        Document doc = parse(new JUnitReport("m").render(Samples.mixed(), Instant.EPOCH));
        Element raft = (Element) doc.getElementsByTagName("testcase").item(1);
        Element failure = (Element) raft.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("Raft<script>alert('x')</script>: invariant OneLeader<script>alert('x')</script> violated "
                        + "(expected success)");
        assertThat(failure.getAttribute("type")).isEqualTo("invariant_violation");
        String out = raft.getElementsByTagName("system-out").item(0).getTextContent();
        assertThat(out).contains("Counterexample, 5 states", "5: BecomeLeader (Raft.tla:105:3)",
                "state = (n1 :> \"Leader\" @@ n2 :> \"Follower\" @@ n3 :> \"Follower\")");
        // Only changed variables after the first state: 'note' appears once.
        assertThat(HtmlReportTest.count(out, "note =")).isEqualTo(1);
    }

    @Test
    void expected_violation_passes_and_run_failures_are_errors() throws Exception {
        Document doc = parse(new JUnitReport("m").render(Samples.mixed(), Instant.EPOCH));
        Element lasso = (Element) doc.getElementsByTagName("testcase").item(2);
        assertThat(lasso.getElementsByTagName("failure").getLength()).isZero();
        assertThat(lasso.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("->2: Tick", "then back to state 2");
        Element broken = (Element) doc.getElementsByTagName("testcase").item(4);
        Element error = (Element) broken.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("parse_error");
        assertThat(error.getTextContent()).contains("at Broken.tla:7:9");
    }

    @Test
    void characters_xml_cannot_carry_are_escaped_not_fatal(@TempDir Path dir) throws Exception {
        var r = new dev.dsverify.runner.ModelCheckResult("Ctl\u0001", dev.dsverify.runner.Outcome.TLC_ERROR, null,
                "bad \u0000 byte", null, null, List.of(), null, false, List.of(), 255);
        Path file = dir.resolve("TEST-dsverify.xml");
        new JUnitReport("m").write(file, List.of(ModelReport.expectingSuccess(r)), Instant.EPOCH);
        Document doc = parse(Files.readString(file));
        Element tc = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(tc.getAttribute("name")).isEqualTo("Ctl\\u0001");
        assertThat(tc.getElementsByTagName("error").item(0).getTextContent()).contains("bad \\u0000 byte");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
