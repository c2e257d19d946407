package dev.dsverify.maven;

import dev.dsverify.conform.ConformOptions;
import dev.dsverify.conform.ConformReport;
import dev.dsverify.conform.ConformResult;
import dev.dsverify.conform.Conformance;
import dev.dsverify.conform.drive.UnmappedActionException;
import dev.dsverify.raft.core.Bugs;
import dev.dsverify.trace.TraceValidator;
import dev.dsverify.trace.replay.SpecLoadException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Drives the Raft implementation along behaviours of the Raft spec ({@code dsverify conform}) and fails the build
 * at the first step the code does not follow. The result, with the fields of {@code dsverify conform --json}, goes
 * to {@code target/dsverify/conform.json}.
 */
@Mojo(name = "conform", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ConformMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "dsverify.skip", defaultValue = "false")
    private boolean skip;

    /** Conformance is a test: {@code -DskipTests} skips it too. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /**
     * The Raft spec or a variant of it. Default: {@code specs/raft/Raft.tla} in the project directory or the nearest
     * parent directory that has one, else the copy bundled with the plugin.
     */
    @Parameter(property = "dsverify.spec")
    private File spec;

    /** A model from the catalog beside the spec ({@code raft.quick}), or the path of a model's .cfg. */
    @Parameter(property = "dsverify.model", defaultValue = ConformOptions.DEFAULT_MODEL)
    private String model;

    /** Random walks to take. */
    @Parameter(property = "dsverify.walks", defaultValue = "20")
    private int walks;

    /** Steps per walk at most. */
    @Parameter(property = "dsverify.depth", defaultValue = "40")
    private int depth;

    /** Seed of the walks: the same seed takes the same walks. */
    @Parameter(property = "dsverify.seed", defaultValue = "1")
    private long seed;

    /** Drive the code to every distinct state of the model instead of random walks. */
    @Parameter(property = "dsverify.exhaustive", defaultValue = "false")
    private boolean exhaustive;

    /** Deliberate bugs to switch on in the code (a comma-separated list of Bugs names; for testing the check). */
    @Parameter(property = "dsverify.bugs", defaultValue = "none")
    private String bugs;

    /** Where the JSON result is written. */
    @Parameter(property = "dsverify.conformOutput", defaultValue = "${project.build.directory}/dsverify/conform.json")
    private File outputFile;

    /** When false, a failed step is reported but does not fail the build. */
    @Parameter(property = "dsverify.failOnNonConformance", defaultValue = "true")
    private boolean failOnNonConformance;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("dsverify: conform skipped (" + (skip ? "dsverify.skip" : "skipTests") + ")");
            return;
        }
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path raft = raftSpec(base);
        String m = model.endsWith(".cfg") && !Path.of(model).isAbsolute() ? base.resolve(model).toString() : model;
        ConformOptions options;
        try {
            options = new ConformOptions(raft, m, exhaustive, walks, depth, seed, Bugs.parse(bugs));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("dsverify: " + e.getMessage());
        }
        getLog().info("dsverify: driving the Raft implementation along " + (exhaustive ? "every state of " + model
                : walks + " walks of " + model) + " (" + raft + ")");
        ConformResult r;
        try {
            r = Conformance.run(options);
        } catch (SpecLoadException | UnmappedActionException e) {
            throw new MojoExecutionException("dsverify: " + e.getMessage().replaceAll("\\s+", " ").trim(), e);
        }
        for (String line : ConformReport.text(r).split("\n")) {
            if (r.conforms()) {
                getLog().info(line);
            } else {
                getLog().error(line);
            }
        }
        Path out = outputFile.toPath().toAbsolutePath();
        try {
            ConformReport.writeAtomically(ConformReport.json(r), out);
        } catch (IOException e) {
            throw new MojoExecutionException("dsverify: cannot write " + out + ": " + e.getMessage(), e);
        }
        getLog().info("dsverify: result in " + out);
        if (!r.conforms()) {
            String msg = "dsverify: " + r.failure().kind().text() + " at step " + r.failure().step() + " of "
                    + (exhaustive ? "path " : "walk ") + r.failure().walk() + ": " + r.failure().action();
            if (failOnNonConformance) {
                throw new MojoFailureException(msg);
            }
            getLog().warn(msg + " (failOnNonConformance is false)");
        }
    }

    private Path raftSpec(Path base) throws MojoExecutionException {
        if (spec != null) {
            Path p = (spec.toPath().isAbsolute() ? spec.toPath() : base.resolve(spec.toPath())).normalize();
            if (!Files.isRegularFile(p)) {
                throw new MojoExecutionException("dsverify: spec " + p + ": no such file");
            }
            return p;
        }
        Path found = ReplayPlanner.findSpec(base);
        return found != null ? found : TraceValidator.bundledSpec();
    }
}
