package dev.dsverify.runner.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes every report for one run into a directory: {@code index.json} plus one JSON file per model,
 * {@code report.html}, and {@code TEST-dsverify.xml} (JUnit XML). Each file is written atomically.
 */
public final class Reports {
    public static final String HTML_FILE = "report.html";
    public static final String JUNIT_FILE = "TEST-dsverify.xml";

    private Reports() {
    }

    /** Paths of the files written. */
    public record Written(Path index, Path html, Path junit) {
    }

    public static Written writeAll(Path dir, String title, List<ModelReport> reports, List<MessageHint> hints,
                                   Instant now) {
        new JsonReport().write(dir, reports, now);
        Path html = dir.resolve(HTML_FILE);
        new HtmlReport(title, hints).write(html, reports, now);
        Path junit = dir.resolve(JUNIT_FILE);
        new JUnitReport("dsverify").write(junit, reports, now);
        return new Written(dir.resolve(JsonReport.INDEX_FILE), html, junit);
    }
}
