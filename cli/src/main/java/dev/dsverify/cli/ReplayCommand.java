package dev.dsverify.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.trace.TraceReport;
import dev.dsverify.trace.TraceResult;
import dev.dsverify.trace.TraceSpecValidator;
import dev.dsverify.trace.TraceValidator;
import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.replay.SpecLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code dsverify replay}: checks implementation logs against the Raft spec, or, with {@code --trace-spec}, logs
 * of any system against the user's trace spec (a module extending the system's spec and TraceValidation).
 *
 * <p>Exit codes: 0 every log matches, 1 a log diverges from the spec, 2 bad input (unreadable or malformed
 * trace, logs that cannot be ordered, a spec that does not load), 3 an internal failure (out of memory, an
 * evaluator failure): never a verdict.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, subcommands = ReplayInitCommand.class,
        description = {"Replay NDJSON Raft traces against the Raft spec and name the first line no spec behaviour explains.",
                "Several files (one per node) are merged by Lamport clock into one log.",
                "With --trace-spec T.tla, replays logs of any system against a trace spec: a module that EXTENDS the",
                "system's spec and TraceValidation and defines TraceInit and ReplayStep(e).",
                "Exit codes: 0 match, 1 divergence, 2 bad input, 3 internal failure."})
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TRACE.ndjson", arity = "0..*", description = "trace files of one run (merged into one log)")
    List<Path> traces = new ArrayList<>();

    @Option(names = "--spec", paramLabel = "Raft.tla", description = "the Raft spec (default: specs/raft/Raft.tla of this source tree, else the Raft.tla this jar carries)")
    Path spec;

    @Option(names = "--trace-spec", paramLabel = "T.tla",
            description = "a trace spec (EXTENDS the system's spec and TraceValidation; defines TraceInit and ReplayStep(e)); "
                    + "without it, the logs are Raft traces checked against Raft.tla")
    Path traceSpec;

    @Option(names = "--config", paramLabel = "T.cfg",
            description = "constants for the trace spec (default: T.cfg beside it, if present); only CONSTANT sections are used")
    Path config;

    @Option(names = "--full-state", description = "show long values in full instead of their length, head and tail")
    boolean fullState;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the result as JSON")
    Path json;

    @Option(names = "--coverage", paramLabel = "DIR",
            description = "validate every *.ndjson in DIR as a separate log and report how often each spec action was exercised")
    Path coverageDir;

    @Spec
    CommandSpec commandSpec;

    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() {
        out = commandSpec.commandLine().getOut();
        err = commandSpec.commandLine().getErr();
        try {
            if (traceSpec != null) {
                return replayTraceSpec();
            }
            if (config != null) {
                ErrorLine.print(err, "--config applies to a --trace-spec");
                return 2;
            }
            Path raft = spec != null ? spec : TraceValidator.defaultSpec();
            if (!Files.isRegularFile(raft)) {
                ErrorLine.print(err, "no spec at " + raft);
                return 2;
            }
            if (coverageDir != null) {
                return coverage(files -> TraceValidator.validate(raft, files));
            }
            if (traces.isEmpty()) {
                ErrorLine.print(err, "give at least one trace file, or --coverage DIR");
                return 2;
            }
            for (Path t : traces) {
                if (!Files.isRegularFile(t)) {
                    ErrorLine.print(err, t + ": no such file");
                    return 2;
                }
            }
            TraceResult r = TraceValidator.validate(raft, traces, fullState);
            out.print(TraceReport.text(r));
            if (json != null) {
                TraceReport.writeAtomically(TraceReport.json(r), json);
            }
            return r.matches() ? 0 : 1;
        } catch (TraceFormatException e) {
            ErrorLine.print(err, e.getMessage());
            return 2;
        } catch (SpecLoadException e) {
            ErrorLine.print(err, e.getMessage());
            return 2;
        } catch (IOException e) {
            ErrorLine.print(err, e.getMessage());
            return 2;
        } catch (IllegalStateException | IllegalArgumentException e) {
            ErrorLine.print(err, e.getMessage());
            return 2;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // not a verdict: the replay itself failed
            err.println("internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().replaceAll("\\s+", " ").trim()));
            return 3;
        }
    }

    /** Replays logs of any system against {@code --trace-spec}; with --coverage, every log in the directory. */
    private int replayTraceSpec() throws IOException, TraceFormatException, SpecLoadException {
        if (!Files.isRegularFile(traceSpec)) {
            ErrorLine.print(err, traceSpec + ": no such trace spec");
            return 2;
        }
        if (config != null && !Files.isRegularFile(config)) {
            ErrorLine.print(err, config + ": no such cfg");
            return 2;
        }
        if (spec != null && !Files.isRegularFile(spec)) {
            ErrorLine.print(err, "no spec at " + spec);
            return 2;
        }
        TraceSpecValidator.Options options = new TraceSpecValidator.Options(traceSpec, config, spec, fullState);
        if (coverageDir != null) {
            return coverage(files -> TraceSpecValidator.validate(options, files));
        }
        if (traces.isEmpty()) {
            ErrorLine.print(err, "give at least one trace file, or --coverage DIR");
            return 2;
        }
        for (Path t : traces) {
            if (!Files.isRegularFile(t)) {
                ErrorLine.print(err, t + ": no such file");
                return 2;
            }
        }
        TraceResult r = TraceSpecValidator.validate(options, traces);
        out.print(TraceReport.text(r));
        if (json != null) {
            TraceReport.writeAtomically(TraceReport.json(r), json);
        }
        return r.matches() ? 0 : 1;
    }

    /** Validates one log (the files of one run). */
    @FunctionalInterface
    private interface Validation {
        TraceResult validate(List<Path> files) throws TraceFormatException, SpecLoadException;
    }

    private int coverage(Validation validation) throws IOException, TraceFormatException, SpecLoadException {
        List<Path> files = new ArrayList<>(traces);
        if (!Files.isDirectory(coverageDir)) {
            ErrorLine.print(err, coverageDir + ": not a directory");
            return 2;
        }
        try (Stream<Path> s = Files.list(coverageDir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            ErrorLine.print(err, "no *.ndjson files in " + coverageDir);
            return 2;
        }
        List<TraceResult> results = new ArrayList<>();
        int diverged = 0;
        ObjectNode doc = TraceReport.mapper().createObjectNode();
        ArrayNode arr = doc.putArray("traces");
        for (Path f : files) {
            TraceResult r = validation.validate(List.of(f));
            results.add(r);
            arr.add(TraceReport.json(r));
            if (r.matches()) {
                out.printf("%-50s MATCH (%d events)%n", f, r.events());
            } else {
                diverged++;
                out.printf("%-50s DIVERGENCE at line %d%n", f, r.firstUnmatchedLine());
            }
        }
        Map<String, Long> total = TraceReport.mergeCoverage(results);
        out.println();
        out.println("spec action coverage over " + files.size() + " traces (matched lines):");
        total.forEach((action, n) -> out.printf("  %-28s %8d%s%n", action, n, n == 0 ? "   never exercised" : ""));
        out.println();
        out.println(diverged == 0 ? "all " + files.size() + " traces MATCH" : diverged + " of " + files.size() + " traces DIVERGE");
        ObjectNode cov = doc.putObject("coverage");
        total.forEach(cov::put);
        doc.put("verdict", diverged == 0 ? "match" : "divergence");
        if (json != null) {
            TraceReport.writeAtomically(doc, json);
        }
        return diverged == 0 ? 0 : 1;
    }
}
