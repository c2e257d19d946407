package dev.dsverify.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ResultJson;
import dev.dsverify.runner.report.HtmlReport;
import dev.dsverify.runner.report.JUnitReport;
import dev.dsverify.runner.report.JsonReport;
import dev.dsverify.runner.report.MessageHint;
import dev.dsverify.runner.report.ModelReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dsverify report}: renders the HTML report (and optionally JUnit XML) from JSON results written
 * earlier by {@code dsverify check --json} or by the Maven plugin, for example on a CI machine that only
 * archived the JSON.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render an HTML report (and optionally JUnit XML) from JSON results.",
                "Reads every *.json result in the directory (index.json gives the order when present)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "2:usage error, or a file that is not a dsverify result"})
public final class ReportCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--json-dir", required = true, paramLabel = "DIR", description = "directory of JSON results")
    private Path jsonDir;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "HTML file to write")
    private Path out;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write JUnit XML (Surefire format) here")
    private Path junit;

    @Option(names = "--title", defaultValue = "dsverify model checks", paramLabel = "TEXT",
            description = "page title (default: ${DEFAULT-VALUE})")
    private String title;

    @Option(names = "--message-hint", paramLabel = "VAR:FROM:TO[:LABEL]",
            description = "message variable and fields for the sequence diagram, e.g. net:src:dst:type")
    private List<String> messageHints = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<MessageHint> hints = new ArrayList<>();
        try {
            for (String h : messageHints) {
                hints.add(MessageHint.parse(h));
            }
        } catch (IllegalArgumentException e) {
            ErrorLine.print(err, "--message-hint: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!Files.isDirectory(jsonDir)) {
            ErrorLine.print(err, "--json-dir " + jsonDir + " is not a directory");
            return ExitCodes.USAGE;
        }
        List<ModelReport> reports;
        try {
            reports = read(jsonDir);
        } catch (IOException | IllegalArgumentException e) {
            ErrorLine.print(err, e.getMessage());
            return ExitCodes.USAGE;
        }
        if (reports.isEmpty()) {
            ErrorLine.print(err, "no JSON results in " + jsonDir);
            return ExitCodes.USAGE;
        }
        Instant now = Instant.now();
        try {
            new HtmlReport(title, hints).write(out, reports, now);
            if (junit != null) {
                new JUnitReport("dsverify").write(junit, reports, now);
            }
        } catch (UncheckedIOException e) {
            ErrorLine.print(err, e.getMessage());
            return ExitCodes.USAGE;
        }
        long unexpected = reports.stream().filter(r -> !r.passed()).count();
        stdout.println("Wrote " + out + " (" + reports.size() + (reports.size() == 1 ? " model, " : " models, ")
                + unexpected + " not as expected)" + (junit == null ? "" : " and " + junit));
        return 0;
    }

    /**
     * Every result in the directory. A file may hold one result or an array of them; index.json only orders
     * the files it names (the rest follow by file name).
     */
    static List<ModelReport> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals(JsonReport.INDEX_FILE))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        Map<String, Integer> order = indexOrder(dir.resolve(JsonReport.INDEX_FILE));
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort((a, b) -> Integer.compare(order.getOrDefault(a.getFileName().toString(), Integer.MAX_VALUE),
                order.getOrDefault(b.getFileName().toString(), Integer.MAX_VALUE)));
        List<ModelReport> out = new ArrayList<>();
        for (Path f : sorted) {
            JsonNode root;
            try {
                root = MAPPER.readTree(f.toFile());
            } catch (JsonProcessingException e) {
                throw new IOException(f + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                        + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
            List<JsonNode> docs = new ArrayList<>();
            if (root != null && root.isArray()) {
                root.forEach(docs::add);
            } else {
                docs.add(root);
            }
            for (int i = 0; i < docs.size(); i++) {
                ResultJson.Document d;
                try {
                    d = ResultJson.fromJson(docs.get(i));
                } catch (RuntimeException e) {
                    String where = root != null && root.isArray() ? f + " [" + i + "]" : f.toString();
                    throw new IOException(where + ": not a dsverify result: " + e.getMessage(), e);
                }
                out.add(new ModelReport(d.result(), d.expected() == null ? Expectation.success() : d.expected()));
            }
        }
        return out;
    }

    private static Map<String, Integer> indexOrder(Path index) {
        Map<String, Integer> order = new HashMap<>();
        if (!Files.isRegularFile(index)) {
            return order;
        }
        try {
            JsonNode models = MAPPER.readTree(index.toFile()).path("models");
            for (int i = 0; i < models.size(); i++) {
                order.putIfAbsent(models.get(i).path("file").asText(), i);
            }
        } catch (IOException e) {
            // The index only sets the order; a broken one falls back to file names.
        }
        return order;
    }
}
