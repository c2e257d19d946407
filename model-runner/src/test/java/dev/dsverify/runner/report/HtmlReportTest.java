package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class HtmlReportTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final String html = new HtmlReport().render(Samples.mixed(), NOW);

    @Test
    void spec_strings_render_as_text_never_as_markup() {
        // The page has exactly one script element: its own. The spec's "<script>" is escaped everywhere:
        // model name, violated invariant, message, variable values, SVG labels.
        assertThat(count(html, "<script")).isEqualTo(1);
        assertThat(html).doesNotContain("<script>alert");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("OneLeader&lt;script&gt;");
    }

    @Test
    void is_self_contained() {
        assertThat(html).doesNotContainPattern("(?i)<link\\b");
        assertThat(html).doesNotContainPattern("(?i)\\ssrc\\s*=");
        assertThat(html).doesNotContainPattern("(?i)href=\"(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)url\\((?!#)");
        assertThat(html).doesNotContain("@import");
    }

    @Test
    void summary_lists_every_model_with_verdict_and_stats() {
        String summary = html.substring(html.indexOf("<table class=\"summary\">"), html.indexOf("</table>"));
        assertThat(summary).contains(">Counter<", "Raft&lt;script", ">Liveness</a>", ">Stutter</a>", ">Broken</a>");
        assertThat(count(summary, "pill bad\">FAIL")).isEqualTo(3);
        assertThat(count(summary, "pill ok\">pass")).isEqualTo(2);
        assertThat(summary).contains("12,345", "2.3 s", "property_violation (EventuallyDone)");
        assertThat(html).contains("3 unexpected");
    }

    @Test
    void trace_table_has_every_state_and_variable_and_marks_changes() {
        String section = section("m1");
        assertThat(count(section, "<tr class=\"state")).isEqualTo(5);
        assertThat(section).contains("<th>currentTerm</th>", "<th>state</th>", "<th>log</th>", "<th>messages</th>");
        assertThat(section).contains("BecomeLeader", "Raft.tla:105:3");
        // State 2 changes currentTerm and state only; the per-server function shows n1's entry as the delta.
        String row2 = row(section, "m1-s1");
        assertThat(count(row2, "class=\"changed\"")).isEqualTo(2);
        assertThat(count(row2, "class=\"same")).isEqualTo(3);
        assertThat(section).contains("&#x2717; violates OneLeader&lt;script&gt;");
    }

    @Test
    void each_step_says_what_changed_where_it_changed() {
        String row2 = row(section("m1"), "m1-s1");
        assertThat(row2).contains("<td class=\"chg\">");
        // Only the changed entry of the per-server function, with its old and new value.
        assertThat(row2).containsPattern("currentTerm\\[n1\\]: \\d+ → \\d+");
        String row4 = row(section("m1"), "m1-s3");
        assertThat(row4).contains("<div class=\"c add\"><code>messages + RequestVoteResponse");
    }

    @Test
    void variables_that_never_change_are_marked_so_only_changed_hides_their_columns() {
        String section = section("m1");
        assertThat(html).contains(".only-changed .static { display:none; }");
        assertThat(section).contains("<th>currentTerm</th>");
        // Every cell of a static column is marked, so hiding the column hides all of it.
        int staticHeaders = count(section.substring(0, section.indexOf("</thead>")), "class=\"static\"");
        int staticCells = count(section.substring(section.indexOf("-trace")), " static\"");
        assertThat(staticCells).isEqualTo(staticHeaders * 5);
    }

    @Test
    void functions_over_the_same_processes_pivot_to_one_row_per_process() {
        String section = section("m1");
        assertThat(section).contains("By process: one row per element of");
        assertThat(section).contains("<td class=\"proc\">n1</td>");
    }

    @Test
    void changed_entries_of_a_long_function_are_highlighted_individually() {
        String row4 = row(section("m1"), "m1-s3");
        // messages lost n1->n2's request and gained n2's response; currentTerm changed for n2 only.
        Matcher m = Pattern.compile("<span class=\"delta\">([^<]*)</span>").matcher(row4);
        StringBuilder deltas = new StringBuilder();
        int n = 0;
        while (m.find()) {
            deltas.append(m.group(1)).append('\n');
            n++;
        }
        assertThat(deltas.toString()).contains("RequestVoteResponse", "n2 :&gt; 2\n");
        assertThat(deltas.toString()).doesNotContain("mdest |-&gt; n3", "n1 :&gt; 2", "n3 :&gt; 1");
        assertThat(n).isEqualTo(2);
    }

    @Test
    void message_passing_trace_gets_a_sequence_diagram() {
        String section = section("m1");
        String svg = firstSvg(section, "msc");
        assertThat(svg).contains(">n1</text>", ">n2</text>", ">n3</text>");
        assertThat(count(svg, "class=\"msc-msg\"")).isEqualTo(3);
        assertThat(svg).contains("RequestVoteRequest", "RequestVoteResponse");
        assertWellFormed(svg);
    }

    @Test
    void lasso_is_drawn_back_to_the_loop_state_with_row_markers() {
        String section = section("m2");
        String svg = firstSvg(section, "lasso");
        assertThat(svg).contains("class=\"lasso-back\"", "back to state 2");
        assertWellFormed(svg);
        assertThat(row(section, "m2-s1")).contains("loop starts here");
        assertThat(row(section, "m2-s3")).contains("back to state 2");
        assertThat(section).contains("then back to state 2 forever");
    }

    @Test
    void stuttering_is_a_self_loop_and_a_final_row() {
        String section = section("m3");
        String svg = firstSvg(section, "lasso");
        assertThat(svg).contains("stutters forever");
        assertWellFormed(svg);
        assertThat(section).contains("class=\"stutter\"", "Stuttering: from here on no variable changes.");
    }

    @Test
    void parse_error_shows_message_and_position() {
        String section = section("m4");
        assertThat(section).contains("Spec could not be parsed at Broken.tla:7:9 (expected success)");
        assertThat(section).contains("Encountered \"==\" at line 7".replace("\"", "&quot;"));
        assertThat(section).doesNotContain("<table class=\"trace\"");
    }

    @Test
    void passing_models_without_trace_get_no_section() {
        assertThat(html).doesNotContain("id=\"m0\"");
    }

    @Test
    void a_loop_index_outside_the_trace_is_ignored_not_fatal() {
        var bad = Samples.lasso();
        var r = new dev.dsverify.runner.ModelCheckResult(bad.name(), bad.outcome(), bad.violated(), bad.message(),
                null, bad.stats(), bad.trace(), 99, false, List.of(), 13);
        String page = new HtmlReport().render(List.of(ModelReport.expectingSuccess(r)), NOW);
        assertThat(page).contains("4 states").doesNotContain("loop starts here");
        assertThat(new JUnitReport("m").render(List.of(ModelReport.expectingSuccess(r)), NOW))
                .doesNotContain("then back to state");
    }

    @Test
    void long_values_are_collapsible() {
        List<dev.dsverify.runner.value.TlaValue> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(Samples.rec("id", Samples.num(i), "payload", Samples.str("x".repeat(30))));
        }
        var big = new dev.dsverify.runner.value.TlaSet(many);
        var r = new dev.dsverify.runner.ModelCheckResult("Big", dev.dsverify.runner.Outcome.DEADLOCK, null, null,
                null, Samples.stats(1, 1, 1), List.of(Samples.state(1, null, java.util.Map.of("pool", big))),
                null, false, List.of(), 11);
        String page = new HtmlReport().render(List.of(ModelReport.expectingSuccess(r)), NOW);
        assertThat(page).contains("<details class=\"long\"><summary>", "lines</span></summary>");
    }

    private String section(String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String row(String section, String id) {
        int start = section.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id).isPositive();
        return section.substring(start, section.indexOf("</tr>", start));
    }

    private static String firstSvg(String s, String cls) {
        int start = s.indexOf("<svg class=\"" + cls + "\"");
        assertThat(start).as("svg " + cls).isNotNegative();
        return s.substring(start, s.indexOf("</svg>", start) + 6);
    }

    private static void assertWellFormed(String svg) {
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("SVG is not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
