package dev.dsverify.maven;

import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ModelChecker;
import dev.dsverify.runner.ProgressListener;
import dev.dsverify.runner.TlcRuntime;
import dev.dsverify.runner.TlcWarning;
import dev.dsverify.runner.Progress;
import dev.dsverify.runner.report.ConsoleProgress;
import dev.dsverify.runner.report.MessageHint;
import dev.dsverify.runner.report.ModelReport;
import dev.dsverify.runner.report.TraceChanges;
import dev.dsverify.runner.report.Reports;
import dev.dsverify.runner.report.SummaryTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Model-checks the project's TLA+ specs with TLC and fails the build when a model does not end as expected.
 *
 * <p>Without configuration every {@code X.tla} that has an {@code X.cfg} beside it under
 * {@code src/main/tla} is checked and must succeed. A catalog file or models listed in the POM say instead
 * which models to check and what each must end with (success, or a named violation). Reports (JSON, one
 * self-contained HTML page, JUnit XML) go to {@code target/dsverify/}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "dsverify.skip", defaultValue = "false")
    private boolean skip;

    /** Model checks are tests: {@code -DskipTests} skips them too, as it skips surefire and failsafe. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Comma-separated tags: only models with one of them are checked (e.g. {@code quick}). */
    @Parameter(property = "dsverify.tags")
    private String tags;

    /** A catalog file in the format {@code dsverify check --catalog} reads. */
    @Parameter(property = "dsverify.catalog")
    private File catalog;

    /** Models listed in the POM; see {@link Model}. */
    @Parameter
    private List<Model> models;

    /** Where models are discovered: every {@code X.tla} with an {@code X.cfg} beside it. */
    @Parameter(property = "dsverify.specDirectory", defaultValue = "${project.basedir}/src/main/tla")
    private File specDirectory;

    /**
     * Whether the models found under {@link #specDirectory} are checked, next to the catalog's and the POM's
     * (a configured model with the same spec and cfg as a discovered one takes its place). When false, each
     * discovered model that is not configured is named in a warning.
     */
    @Parameter(property = "dsverify.discover", defaultValue = "true")
    private boolean discover;

    /**
     * Run TLC's PlusCal translator on each discovered or POM-listed spec that has an algorithm before checking
     * it (the spec file is updated; its cfg is left alone). A model's own {@code <translate>} overrides this.
     */
    @Parameter(property = "dsverify.translate", defaultValue = "false")
    private boolean translate;

    /**
     * Check a PlusCal translation even when it no longer matches its algorithm (TLC's warning is still
     * logged). By default that fails the model as a parse error.
     */
    @Parameter(property = "dsverify.allowStaleTranslation", defaultValue = "false")
    private boolean allowStaleTranslation;

    /** Where the reports are written. */
    @Parameter(property = "dsverify.outputDirectory", defaultValue = "${project.build.directory}/dsverify")
    private File outputDirectory;

    /** How many models to check at once; 0 means one per core. */
    @Parameter(property = "dsverify.parallel", defaultValue = "0")
    private int parallel;

    /** Timeout for models that set none, as an ISO-8601 duration ({@code PT10M}) or seconds. */
    @Parameter(property = "dsverify.timeout")
    private String timeout;

    /** TLC worker threads for models that set none. */
    @Parameter(property = "dsverify.workers", defaultValue = "1")
    private int workers;

    /**
     * Message-diagram hints for specs whose message fields the report does not recognise, each
     * {@code variable:fromField:toField[:labelField[:coordinator]]}, e.g. {@code msgs:rm::type:TM}.
     */
    @Parameter(property = "dsverify.messageHints")
    private List<String> messageHints;

    /** When false, unexpected outcomes are reported but do not fail the build. */
    @Parameter(property = "dsverify.failOnUnexpected", defaultValue = "true")
    private boolean failOnUnexpected;

    /**
     * TLC's fingerprint function (0 to 130) for every model, overriding a catalog's {@code fingerprint}. Without
     * it a check uses the catalog's or 0: never a random one, so a counterexample is the same on every build.
     */
    @Parameter(property = "dsverify.fingerprint")
    private Integer fingerprint;

    /** How often progress of a long check is logged, in seconds. */
    @Parameter(property = "dsverify.progressInterval", defaultValue = "30")
    private int progressInterval;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("dsverify: skipped (" + (skip ? "dsverify.skip" : "skipTests") + ")");
            return;
        }
        List<PlannedCheck> all;
        List<MessageHint> hints = new ArrayList<>();
        try {
            CheckPlanner planner = new CheckPlanner(basedir.toPath(),
                    timeout == null || timeout.isBlank() ? null : CheckPlanner.parseTimeout(timeout, "dsverify.timeout"),
                    Math.max(1, workers));
            CheckPlanner.Plan plan = planner.plan(catalog, models, specDirectory, discover, translate,
                    allowStaleTranslation);
            all = plan.checks();
            for (Path spec : plan.unchecked()) {
                getLog().warn("dsverify: not checked (<discover> is false and no <model> names it): "
                        + basedir.toPath().relativize(spec));
            }
            if (fingerprint != null) {
                if (fingerprint < 0 || fingerprint > ModelCheck.MAX_FINGERPRINT) {
                    throw new IllegalArgumentException("dsverify.fingerprint must be between 0 and "
                            + ModelCheck.MAX_FINGERPRINT + ", got " + fingerprint);
                }
                all = all.stream().map(c -> new PlannedCheck(c.check().toBuilder().fingerprint(fingerprint).build(),
                        c.expected(), c.tags())).toList();
            }
            if (messageHints != null) {
                for (String h : messageHints) {
                    hints.add(MessageHint.parse(h));
                }
            }
        } catch (CheckPlanner.ConfigurationError | IllegalArgumentException e) {
            throw new MojoExecutionException("dsverify: " + e.getMessage());
        }
        if (all.isEmpty()) {
            throw new MojoFailureException("dsverify: no models to check. Put X.tla with X.cfg under "
                    + specDirectory + ", or configure <catalog> or <models> (or set dsverify.skip)"
                    + (discover ? "." : "; <discover> is false."));
        }
        List<PlannedCheck> selected = CheckPlanner.filter(all, tags);
        if (selected.isEmpty()) {
            getLog().warn("dsverify: none of the " + all.size() + " models has a tag in '" + tags + "'; nothing checked");
            return;
        }
        int n = ParallelChecks.effectiveParallelism(parallel, selected.size());
        getLog().info("dsverify: checking " + selected.size() + (selected.size() == 1 ? " model" : " models")
                + (selected.size() < all.size() ? " (of " + all.size() + ", tags " + tags + ")" : "")
                + ", " + n + " at a time");

        Path temp = buildDirectory.toPath().resolve("dsverify-tmp");
        List<ModelReport> reports;
        try {
            Files.createDirectories(temp);
            ModelChecker checker = new ModelChecker(TlcRuntime.current(), temp);
            reports = new ParallelChecks(n, checker::run, this::listener).run(selected);
        } catch (IOException e) {
            throw new MojoExecutionException("dsverify: cannot create " + temp + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("dsverify: interrupted");
        }

        Reports.Written written;
        try {
            written = Reports.writeAll(outputDirectory.toPath(), "dsverify: " + basedir.getName(), reports, hints,
                    Instant.now());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("dsverify: cannot write reports to " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
        for (String line : SummaryTable.render(reports).split("\n")) {
            getLog().info(line);
        }
        getLog().info("dsverify: report " + written.html());
        long warned = reports.stream().filter(r -> !r.result().warnings().isEmpty()).count();
        if (warned > 0) {
            int count = reports.stream().mapToInt(r -> r.result().warnings().size()).sum();
            // Repeated after the table: the per-model lines may have scrolled by among parallel checks' output.
            getLog().warn("dsverify: TLC printed " + count + (count == 1 ? " warning" : " warnings") + " for "
                    + warned + (warned == 1 ? " model" : " models") + " (the [WARNING] lines above, and "
                    + written.html().getFileName() + ")");
        }

        List<ModelReport> unexpected = reports.stream().filter(r -> !r.passed()).toList();
        if (!unexpected.isEmpty()) {
            StringBuilder msg = new StringBuilder("dsverify: ").append(unexpected.size()).append(" of ")
                    .append(reports.size()).append(reports.size() == 1 ? " model" : " models")
                    .append(" did not end as expected:");
            for (ModelReport r : unexpected) {
                msg.append("\n  ").append(r.name()).append(": ").append(r.describe());
            }
            msg.append("\nSee ").append(written.html());
            if (failOnUnexpected) {
                throw new MojoFailureException(msg.toString());
            }
            getLog().warn(msg.toString());
        }
    }

    private ProgressListener listener(PlannedCheck c) {
        ConsoleProgress progress = new ConsoleProgress(line -> getLog().info(line), c.name(),
                Duration.ofSeconds(Math.max(1, progressInterval)), System::nanoTime);
        return new ProgressListener() {
            @Override
            public void started(ModelCheck check) {
                getLog().info("dsverify: [" + check.name() + "] started (" + check.spec().getFileName() + ")");
            }

            @Override
            public void progress(Progress p) {
                // TLC also reports once at the end; for a check shorter than the interval that is only noise.
                if (p.elapsed() != null && p.elapsed().toSeconds() >= progressInterval) {
                    progress.progress(p);
                }
            }

            @Override
            public void finished(ModelCheckResult result) {
                ModelReport r = new ModelReport(result, c.expected());
                String line = "dsverify: [" + result.name() + "] " + r.describe();
                if (r.passed()) {
                    getLog().info(line);
                } else {
                    getLog().error(line);
                    if (!result.trace().isEmpty()) {
                        // The counterexample where the failure is read: what each step changed, values whole.
                        getLog().error("dsverify: [" + result.name() + "] counterexample ("
                                + result.trace().size() + " states, each step with what it changed):\n"
                                + TraceChanges.render(result.trace(), 120).stripTrailing());
                    }
                }
                for (TlcWarning w : result.warnings()) {
                    getLog().warn("dsverify: [" + result.name() + "] warning (" + w.source() + "): " + w.oneLine());
                }
            }
        };
    }
}
