package dev.dsverify.maven;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.trace.TraceReport;
import dev.dsverify.trace.TraceResult;
import dev.dsverify.trace.TraceSpecValidator;
import dev.dsverify.trace.TraceValidator;
import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.replay.SpecLoadException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Replays logs of the Raft implementation against the Raft spec, or, with {@code <traceSpec>}, logs of any system
 * against the user's trace spec (a module extending the system's spec and TraceValidation, defining TraceInit and
 * ReplayStep(e)), and fails the build when one of them is not a behaviour of the spec (a DIVERGENCE) or is not a
 * well-formed trace.
 *
 * <p>Each run is replayed on its own: a file listed in {@code traces} (or each {@code *.ndjson} of a directory
 * listed there) is one run; a {@code <run>} groups the per-node files of one run, which are merged by Lamport
 * clock. One JSON result per run, with the fields of {@code dsverify replay --json}, goes to
 * {@code target/dsverify/replay/<run>.json}.
 */
@Mojo(name = "replay", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReplayMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "dsverify.skip", defaultValue = "false")
    private boolean skip;

    /** Trace validation is a test: {@code -DskipTests} skips it too, as it skips surefire and failsafe. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /**
     * Trace files, each an independent run, or directories whose every {@code *.ndjson} is an independent run.
     * Comma-separated on the command line ({@code -Ddsverify.traces=a.ndjson,logs/}).
     */
    @Parameter(property = "dsverify.traces")
    private List<File> traces;

    /** Runs logged as one file per node; the files of each run are merged by Lamport clock. See {@link ReplayRun}. */
    @Parameter
    private List<ReplayRun> runs;

    /**
     * The Raft spec ({@code Raft.tla}; the modules beside it are used too). Default: {@code specs/raft/Raft.tla}
     * in the project directory or the nearest parent directory that has one.
     */
    @Parameter(property = "dsverify.spec")
    private File spec;

    /**
     * A trace spec: a module that EXTENDS the system's spec and TraceValidation and defines TraceInit and
     * ReplayStep(e). When set, the traces are logs of that system (any NDJSON of objects) and {@code <spec>}, if
     * given, only adds the system spec's directory to where modules are found.
     */
    @Parameter(property = "dsverify.traceSpec")
    private File traceSpec;

    /** The constants of the trace spec (default: {@code T.cfg} beside {@code T.tla}, if present). */
    @Parameter(property = "dsverify.traceConfig")
    private File config;

    /** Where the JSON results are written, one per run. */
    @Parameter(property = "dsverify.replayOutputDirectory", defaultValue = "${project.build.directory}/dsverify/replay")
    private File outputDirectory;

    /** When false, divergences and malformed traces are reported but do not fail the build. */
    @Parameter(property = "dsverify.failOnDivergence", defaultValue = "true")
    private boolean failOnDivergence;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** The result of one run: a verdict, or the bad input that prevented one. */
    record Outcome(ReplayPlanner.PlannedRun run, TraceResult result, String error, Duration elapsed) {
        boolean passed() {
            return result != null && result.matches();
        }
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("dsverify: replay skipped (" + (skip ? "dsverify.skip" : "skipTests") + ")");
            return;
        }
        Path base = basedir.toPath().toAbsolutePath().normalize();
        List<ReplayPlanner.PlannedRun> planned;
        try {
            planned = new ReplayPlanner(base).plan(traces, runs);
        } catch (ReplayPlanner.ConfigurationError e) {
            throw new MojoExecutionException("dsverify: " + e.getMessage());
        }
        if (planned.isEmpty()) {
            throw new MojoFailureException("dsverify: no traces to replay. Configure <traces> (files, or directories "
                    + "of *.ndjson) or <runs> (or set dsverify.skip).");
        }
        TraceSpecValidator.Options traceOptions = traceSpecOptions(base);
        Path raft = traceOptions != null ? traceOptions.traceSpec() : raftSpec(base);
        Path out = outputDirectory.toPath().toAbsolutePath();
        getLog().info("dsverify: replaying " + planned.size() + (planned.size() == 1 ? " run" : " runs")
                + " against " + display(raft.toString(), base));

        List<Outcome> outcomes = new ArrayList<>();
        for (ReplayPlanner.PlannedRun run : planned) {
            Outcome o = replay(run, raft, traceOptions);
            outcomes.add(o);
            report(o, base);
            try {
                TraceReport.writeAtomically(json(o), out.resolve(run.name() + ".json"));
            } catch (IOException e) {
                throw new MojoExecutionException("dsverify: cannot write " + out.resolve(run.name() + ".json")
                        + ": " + e.getMessage(), e);
            }
        }
        for (String line : ReplayTable.render(outcomes).split("\n")) {
            getLog().info(line);
        }
        getLog().info("dsverify: results in " + out);

        List<Outcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
        if (!failed.isEmpty()) {
            String msg = failureMessage(failed, outcomes.size(), base);
            if (failOnDivergence) {
                throw new MojoFailureException(msg);
            }
            getLog().warn(msg);
        }
    }

    private Path raftSpec(Path base) throws MojoExecutionException {
        if (spec != null) {
            Path p = spec.toPath().isAbsolute() ? spec.toPath() : base.resolve(spec.toPath());
            p = p.normalize();
            if (!Files.isRegularFile(p)) {
                throw new MojoExecutionException("dsverify: spec " + p + ": no such file");
            }
            return p;
        }
        Path found = ReplayPlanner.findSpec(base);
        if (found == null) {
            throw new MojoExecutionException("dsverify: cannot find specs/raft/Raft.tla in " + base
                    + " or any parent directory; set <spec> (or -Ddsverify.spec) to the Raft spec");
        }
        return found;
    }

    /** The trace spec's options, or null when the traces are Raft traces. */
    private TraceSpecValidator.Options traceSpecOptions(Path base) throws MojoExecutionException {
        if (traceSpec == null) {
            if (config != null) {
                throw new MojoExecutionException("dsverify: <config> applies to a <traceSpec>");
            }
            return null;
        }
        Path t = existing(traceSpec, base, "trace spec");
        Path c = config == null ? null : existing(config, base, "config");
        Path system = spec == null ? null : existing(spec, base, "spec");
        return new TraceSpecValidator.Options(t, c, system, false);
    }

    private static Path existing(File f, Path base, String what) throws MojoExecutionException {
        Path p = (f.toPath().isAbsolute() ? f.toPath() : base.resolve(f.toPath())).normalize();
        if (!Files.isRegularFile(p)) {
            throw new MojoExecutionException("dsverify: " + what + " " + p + ": no such file");
        }
        return p;
    }

    private Outcome replay(ReplayPlanner.PlannedRun run, Path raft, TraceSpecValidator.Options traceOptions)
            throws MojoExecutionException {
        long start = System.nanoTime();
        try {
            TraceResult r = traceOptions != null ? TraceSpecValidator.validate(traceOptions, run.files())
                    : TraceValidator.validate(raft, run.files());
            return new Outcome(run, r, null, r.elapsed());
        } catch (TraceFormatException e) {
            return new Outcome(run, null, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Outcome(run, null, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        } catch (SpecLoadException e) {
            // Not the trace's fault: no run can be replayed against a spec that does not load.
            throw new MojoExecutionException("dsverify: the spec " + raft + " does not load: " + e.getMessage());
        } catch (RuntimeException e) {
            // An evaluator failure is not a verdict on the log: stop, naming the run, rather than count it.
            throw new MojoExecutionException("dsverify: replay of run '" + run.name() + "' (" + run.files()
                    + ") failed: " + e, e);
        }
    }

    private void report(Outcome o, Path base) {
        String prefix = "dsverify: [" + o.run().name() + "] ";
        if (o.error() != null) {
            getLog().error(prefix + "bad input: " + display(o.error(), base));
        } else if (o.passed()) {
            getLog().info(prefix + "MATCH, " + o.result().events() + " events");
        } else {
            for (String line : display(TraceReport.text(o.result()), base).split("\n")) {
                getLog().error(prefix + line);
            }
        }
    }

    /** The JSON of {@code dsverify replay --json}; bad input has {@code verdict: "error"} and the message. */
    static ObjectNode json(Outcome o) {
        if (o.result() != null) {
            return TraceReport.json(o.result());
        }
        ObjectNode n = TraceReport.mapper().createObjectNode();
        n.put("verdict", "error");
        ArrayNode files = n.putArray("files");
        o.run().files().forEach(f -> files.add(f.toString()));
        n.put("error", o.error());
        n.put("elapsedMillis", o.elapsed().toMillis());
        return n;
    }

    static String failureMessage(List<Outcome> failed, int total, Path base) {
        StringBuilder msg = new StringBuilder("dsverify: ").append(failed.size()).append(" of ").append(total)
                .append(total == 1 ? " run does" : " runs do").append(" not match the spec:");
        for (Outcome o : failed) {
            msg.append("\n  ").append(o.run().name()).append(": ");
            if (o.error() != null) {
                msg.append("bad input: ").append(display(o.error(), base));
                continue;
            }
            TraceResult r = o.result();
            msg.append("DIVERGENCE at ").append(display(r.file(), base)).append(':').append(r.firstUnmatchedLine());
            if (r.files().size() > 1) {
                msg.append(" (event ").append(r.mergedIndex()).append(" of ").append(r.events())
                        .append(" in merged order)");
            }
            msg.append("\n      ").append(r.event());
            for (String reason : r.reasons()) {
                msg.append("\n      why: ").append(reason);
            }
        }
        return msg.toString();
    }

    /** Paths under the project directory are shown relative to it. */
    static String display(String text, Path base) {
        return text == null ? null : text.replace(base + File.separator, "");
    }
}
