package dev.dsverify.cli;

import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ModelChecker;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.ResultJson;
import dev.dsverify.runner.SearchMode;
import dev.dsverify.runner.TlcWarning;
import dev.dsverify.runner.catalog.Catalog;
import dev.dsverify.runner.catalog.CatalogEntry;
import dev.dsverify.runner.catalog.CatalogException;
import dev.dsverify.runner.report.ConsoleProgress;
import dev.dsverify.runner.report.JsonReport;
import dev.dsverify.runner.report.ModelReport;
import dev.dsverify.runner.report.Reproduction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dsverify check}: model-check one spec, or every model of a catalog against its expectation. */
@Command(name = "check",
        description = {
                "Model-check a TLA+ spec with TLC, or every model of a catalog.",
                "Without arguments: --catalog specs/catalog.json --tag quick.",
                "",
                "Exit codes: 0 as expected; 1 invariant or property violated, or deadlock;",
                "2 usage, missing file, parse (a stale PlusCal translation too), config or evaluation error;",
                "3 TLC failed, timed out or incomplete."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class CheckCommand implements Callable<Integer> {
    static final Path DEFAULT_CATALOG = Path.of("specs", "catalog.json");
    static final String DEFAULT_TAG = "quick";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC.tla", description = "the root module to check")
    Path specFile;

    @Option(names = "--config", paramLabel = "C.cfg", description = "the model (default: SPEC.cfg next to the spec)")
    Path config;

    @Option(names = "--library", paramLabel = "DIR",
            description = {"a further directory where TLC looks for the modules SPEC extends or instantiates,",
                    "after SPEC's own directory; repeatable, searched in order (catalog models use their",
                    "\"library\" field)"})
    List<Path> library = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N",
            description = "TLC worker threads, 1 to 4 x the number of processors (default: 1)")
    Integer workers;

    @Option(names = "--fingerprint", paramLabel = "FP",
            description = {"TLC's fingerprint function, 0 to " + ModelCheck.MAX_FINGERPRINT + " (default: "
                    + ModelCheck.DEFAULT_FINGERPRINT + "); the result says which was used, and the same one",
                    "gives the same counterexample again"})
    Integer fingerprint;

    @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "kill TLC after this long: 90s, 5m, 2h or PT5M")
    Duration timeout;

    @Option(names = "--simulate", paramLabel = "depth=..,traces=..,seed=..", arity = "0..1", fallbackValue = "",
            converter = SimulationOption.class,
            description = "random simulation instead of exhaustive search (defaults: depth=100, traces=1000)")
    SearchMode.Simulation simulate;

    @Option(names = "--no-deadlock", description = "do not report states without successors")
    boolean noDeadlock;

    @Option(names = "--coverage", description = "collect and print per-action coverage")
    boolean coverage;

    @Option(names = "--liveness-at-end",
            description = "check temporal properties once on the complete state graph, not periodically")
    boolean livenessAtEnd;

    @Option(names = "--translate",
            description = {"translate the spec's PlusCal algorithm with TLC's translator (pcal.trans) before",
                    "checking; the spec file is updated, its cfg is left alone"})
    boolean translate;

    @Option(names = "--allow-stale-translation",
            description = {"check a PlusCal translation even when it no longer matches its algorithm",
                    "(by default that fails the check with exit code 2)"})
    boolean allowStaleTranslation;

    @Option(names = "--full",
            description = "print every variable of every counterexample state (default for wide states: what each step changed)")
    boolean full;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON")
    Path json;

    @Option(names = "--catalog", paramLabel = "FILE", description = "check every model of this catalog")
    Path catalog;

    @Option(names = "--tag", paramLabel = "TAG", description = "with --catalog: only models with this tag")
    String tag;

    @Option(names = "--json-dir", paramLabel = "DIR", description = "with --catalog: one JSON result per model")
    Path jsonDir;

    private ModelChecker checker;

    /** More TLC workers than this only add contention (TLC itself takes any number, and then runs out of memory). */
    static int maxWorkers() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json != null && !removeStale(err, json)) {
            return ExitCodes.USAGE;
        }
        if (workers != null && (workers < 1 || workers > maxWorkers())) {
            return usage(err, "--workers must be between 1 and " + maxWorkers() + " (4 x "
                    + Runtime.getRuntime().availableProcessors() + " processors), got " + workers);
        }
        if (fingerprint != null && (fingerprint < 0 || fingerprint > ModelCheck.MAX_FINGERPRINT)) {
            return usage(err, "--fingerprint must be between 0 and " + ModelCheck.MAX_FINGERPRINT + ", got "
                    + fingerprint);
        }
        if (specFile != null && catalog != null) {
            return usage(err, "give either SPEC.tla or --catalog, not both");
        }
        if (specFile == null && (config != null || json != null || simulate != null || !library.isEmpty())) {
            return usage(err, "--config, --json, --simulate and --library need SPEC.tla"
                    + (library.isEmpty() ? "" : " (catalog models list their library directories in the catalog)"));
        }
        if (specFile == null && translate) {
            return usage(err, "--translate needs SPEC.tla (a catalog run does not rewrite the catalog's specs)");
        }
        if (specFile != null && (tag != null || jsonDir != null)) {
            return usage(err, "--tag and --json-dir need --catalog");
        }
        checker = new ModelChecker();
        if (specFile != null) {
            return checkSpec(out, err);
        }
        Path file = catalog;
        String selected = tag;
        if (file == null) {
            file = DEFAULT_CATALOG;
            selected = selected == null ? DEFAULT_TAG : selected;
            if (!Files.isRegularFile(file)) {
                return usage(err, "no SPEC.tla given and " + file + " not found in "
                        + Path.of("").toAbsolutePath() + "; run from the project root, or pass SPEC.tla or --catalog FILE");
            }
        }
        return checkCatalog(file, selected, out, err);
    }

    private int checkSpec(PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(specFile)) {
            return usage(err, "spec file not found: " + specFile);
        }
        if (!specFile.getFileName().toString().endsWith(".tla")) {
            return usage(err, "not a .tla file: " + specFile);
        }
        if (config != null && !Files.isRegularFile(config)) {
            return usage(err, "cfg file not found: " + config);
        }
        if (config != null && !Files.isReadable(config)) {
            return usage(err, "cfg file not readable: " + config);
        }
        for (Path dir : library) {
            if (!Files.isDirectory(dir)) {
                return usage(err, "--library directory not found: " + dir);
            }
        }
        ModelCheck.Builder b = ModelCheck.builder(specFile).config(config).coverage(coverage).timeout(timeout)
                .libraryPath(library).livenessAtEnd(livenessAtEnd).translate(translate)
                .allowStaleTranslation(allowStaleTranslation).fingerprint(fingerprint);
        if (workers != null) {
            b.workers(workers);
        }
        if (simulate != null) {
            b.mode(simulate);
        }
        if (noDeadlock) {
            b.checkDeadlock(false);
        }
        ModelCheck check = b.build();
        ModelCheckResult r = run(check, err);
        printResult(out, r);
        if (json != null && !writeJson(err, json, r, null)) {
            return ExitCodes.USAGE;
        }
        int code = ExitCodes.of(r.outcome());
        if (code == ExitCodes.USAGE || code == ExitCodes.TLC_FAILURE) {
            ErrorLine.print(err, r.outcome().jsonName() + ": " + oneLine(r));
        }
        return code;
    }

    private int checkCatalog(Path file, String selected, PrintWriter out, PrintWriter err) {
        Catalog c;
        try {
            c = Catalog.load(file);
        } catch (CatalogException e) {
            ErrorLine.print(err, e.getMessage());
            return ExitCodes.USAGE;
        }
        List<CatalogEntry> entries = c.entries(selected);
        if (entries.isEmpty()) {
            return usage(err, "no models" + (selected == null ? "" : " tagged '" + selected + "'") + " in " + file);
        }
        out.printf(Locale.ROOT, "Checking %d model%s from %s%s%n", entries.size(), entries.size() == 1 ? "" : "s",
                file, selected == null ? "" : " (tag " + selected + ")");
        out.flush();
        List<Row> rows = new ArrayList<>();
        int exit = ExitCodes.OK;
        int n = 0;
        for (CatalogEntry e : entries) {
            String counter = "[" + (++n) + "/" + entries.size() + "]";
            ModelCheck.Builder b = e.toBuilder().coverage(coverage);
            if (fingerprint != null) {
                b.fingerprint(fingerprint);
            }
            if (workers != null) {
                b.workers(workers);
            }
            if (timeout != null) {
                b.timeout(timeout);
            }
            if (noDeadlock) {
                b.checkDeadlock(false);
            }
            if (allowStaleTranslation) {
                b.allowStaleTranslation(true);
            }
            ModelCheckResult r = run(b.build(), err, counter + " " + e.name());
            boolean ok = e.expect().matches(r);
            rows.add(new Row(e, r, ok));
            out.printf(Locale.ROOT, "%s %-4s %s: %s, %s%n", counter, ok ? "ok" : "FAIL", e.name(), outcome(r),
                    Summary.stats(r.stats()));
            if (!ok) {
                out.println("     expected " + e.expect() + (r.message() == null ? "" : "; " + oneLine(r)));
                exit = Math.max(exit, ExitCodes.ofMismatch(r.outcome()));
            }
            printWarnings(out, r, "     ");
            out.flush();
            if (jsonDir != null && !writeJson(err, jsonDir.resolve(safeFileName(e.name()) + ".json"), r, e.expect())) {
                exit = Math.max(exit, ExitCodes.USAGE);
            }
        }
        if (jsonDir != null && !writeIndex(err, rows)) {
            exit = Math.max(exit, ExitCodes.USAGE);
        }
        out.println();
        out.print(summaryTable(rows));
        long failed = rows.stream().filter(row -> !row.ok).count();
        out.printf(Locale.ROOT, "%d of %d models as expected%s%n", rows.size() - failed, rows.size(),
                failed == 0 ? "" : "; " + failed + " not");
        return exit;
    }

    private record Row(CatalogEntry entry, ModelCheckResult result, boolean ok) {
    }

    /** The run's index.json beside the per-model files (the same index the Maven goal writes). */
    private boolean writeIndex(PrintWriter err, List<Row> rows) {
        try {
            new JsonReport().write(jsonDir, rows.stream().map(r -> new ModelReport(r.result, r.entry.expect())).toList(),
                    Instant.now());
            return true;
        } catch (RuntimeException e) {
            ErrorLine.print(err, "cannot write " + jsonDir.resolve(JsonReport.INDEX_FILE) + ": " + e.getMessage());
            return false;
        }
    }

    private static String summaryTable(List<Row> rows) {
        int nameWidth = Math.max(5, rows.stream().mapToInt(r -> r.entry.name().length()).max().orElse(5));
        int expectedWidth = Math.max(8, rows.stream().mapToInt(r -> r.entry.expect().toString().length()).max().orElse(8));
        int actualWidth = Math.max(6, rows.stream().mapToInt(r -> outcome(r.result).length()).max().orElse(6));
        StringBuilder sb = new StringBuilder();
        String format = "%-" + nameWidth + "s  %-" + expectedWidth + "s  %-" + actualWidth + "s  %12s  %9s  %s";
        sb.append(String.format(Locale.ROOT, format, "model", "expected", "actual", "distinct", "time", "")
                .stripTrailing()).append('\n');
        for (Row r : rows) {
            long distinct = r.result.stats().distinctStates();
            sb.append(String.format(Locale.ROOT, format, r.entry.name(), r.entry.expect().toString(),
                    outcome(r.result), distinct < 0 ? "-" : String.format(Locale.ROOT, "%,d", distinct),
                    Summary.duration(r.result.stats().duration()), r.ok ? "ok" : "FAIL")).append('\n');
        }
        return sb.toString();
    }

    private ModelCheckResult run(ModelCheck check, PrintWriter err) {
        return run(check, err, check.name());
    }

    private ModelCheckResult run(ModelCheck check, PrintWriter err, String label) {
        try (LiveProgress progress = new LiveProgress(err, label, ConsoleProgress.isInteractiveTerminal())) {
            return checker.run(check, progress);
        }
    }

    private void printResult(PrintWriter out, ModelCheckResult r) {
        out.println(Summary.headline(r));
        if (r.message() != null) {
            out.println("  " + r.message());
        }
        if (r.errorPosition() != null) {
            out.println("  at " + r.errorPosition());
        }
        out.println("  " + Summary.stats(r.stats()));
        printWarnings(out, r, "  ");
        if (!r.trace().isEmpty()) {
            out.println();
            out.println("Counterexample (" + r.trace().size() + " state" + (r.trace().size() == 1 ? "" : "s") + "):");
            out.print(TraceTable.render(r, full));
            if (!Reproduction.options(r).isEmpty()) {
                out.println("  TLC ran with " + Reproduction.describe(r) + "; " + Reproduction.options(r)
                        + " gives this counterexample again");
            }
        }
        if (!r.coverage().isEmpty()) {
            out.println();
            out.println("Coverage (distinct / generated states per action):");
            r.coverage().forEach(c -> out.printf(Locale.ROOT, "  %-30s %,12d %,12d   %s%n", c.action(), c.distinct(),
                    c.generated(), c.location()));
        }
        out.flush();
    }

    /** Every warning TLC printed: a warning often means the check covered less than it seems. */
    private static void printWarnings(PrintWriter out, ModelCheckResult r, String indent) {
        for (TlcWarning w : r.warnings()) {
            String[] lines = w.text().strip().split("\n");
            out.println(indent + "warning (" + w.source() + "): " + lines[0].strip());
            for (int i = 1; i < lines.length; i++) {
                out.println(indent + "  " + lines[i].strip());
            }
        }
    }

    /**
     * A --json file left from an earlier run must not survive a run that fails before writing its own result
     * (a usage error, a missing file): a script would read the old verdict. It is removed before anything else.
     */
    private static boolean removeStale(PrintWriter err, Path file) {
        try {
            if (Files.isDirectory(file)) {
                ErrorLine.print(err, "--json " + file + " is a directory");
                return false;
            }
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            ErrorLine.print(err, "cannot remove the earlier result " + file + ": " + e.getMessage());
            return false;
        }
    }

    private static boolean writeJson(PrintWriter err, Path file, ModelCheckResult r, Expectation expected) {
        try {
            ResultJson.write(file, r, expected);
            return true;
        } catch (IOException e) {
            ErrorLine.print(err, "cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }

    private static String outcome(ModelCheckResult r) {
        return r.violated() == null ? r.outcome().jsonName() : r.outcome().jsonName() + " (" + r.violated() + ")";
    }

    private static String oneLine(ModelCheckResult r) {
        String m = r.message() == null ? r.outcome().jsonName() : r.message();
        if (r.errorPosition() != null && r.outcome() != Outcome.SUCCESS) {
            m = r.errorPosition() + ": " + m;
        }
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }

    private static String safeFileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static int usage(PrintWriter err, String message) {
        ErrorLine.print(err, message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
