package dev.dsverify.cli;

import dev.dsverify.conform.ConformOptions;
import dev.dsverify.conform.ConformReport;
import dev.dsverify.conform.ConformResult;
import dev.dsverify.conform.Conformance;
import dev.dsverify.conform.drive.UnmappedActionException;
import dev.dsverify.raft.core.Bugs;
import dev.dsverify.trace.TraceValidator;
import dev.dsverify.trace.replay.SpecLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code dsverify conform}: drives the Raft core along behaviours of Raft.tla (random walks, or every distinct state
 * of a model) and reports the first step the code does not follow.
 *
 * <p>Exit codes: 0 the code followed every step, 1 it failed a step, 2 usage or bad input (a spec or model that
 * does not load, an action conform cannot drive), 3 an internal failure: never a verdict.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = {"Drive the Raft implementation along behaviours of the Raft spec and check every step:",
                "can the code take each step the spec allows, and does it end in the spec's state?",
                "Random walks by default; --exhaustive drives the code to every distinct state of the model.",
                "Exit codes: 0 conforms, 1 a step failed, 2 usage or bad input, 3 internal failure."})
public final class ConformCommand implements Callable<Integer> {
    @Option(names = "--spec", paramLabel = "Raft.tla",
            description = "the Raft spec or a variant of it (default: specs/raft/Raft.tla of this source tree, else the bundled one)")
    Path spec;

    @Option(names = "--model", paramLabel = "NAME|X.cfg", defaultValue = ConformOptions.DEFAULT_MODEL,
            description = "the model: a name from the catalog beside the spec (default ${DEFAULT-VALUE}), or a model's .cfg (its module beside it)")
    String model;

    @Option(names = "--walks", paramLabel = "N", description = "random walks to take (default 20)")
    Integer walks;

    @Option(names = "--depth", paramLabel = "D", description = "steps per walk at most (default 40)")
    Integer depth;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the walks; the same seed takes the same walks (default 1)")
    Long seed;

    @Option(names = "--exhaustive", description = "explore the model's whole state graph and drive the code to every distinct state")
    boolean exhaustive;

    @Option(names = "--bug", defaultValue = "none", paramLabel = "NAME[,NAME]",
            description = "deliberate bugs to switch on in the code, as simulate --bug takes them (default none)")
    String bug;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the result as JSON")
    Path json;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        try {
            if (exhaustive && (walks != null || depth != null || seed != null)) {
                ErrorLine.print(err, "--exhaustive explores every state: --walks, --depth and --seed apply to random walks");
                return ExitCodes.USAGE;
            }
            Bugs bugs;
            try {
                bugs = Bugs.parse(bug);
            } catch (IllegalArgumentException e) {
                ErrorLine.print(err, "--bug: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            Path raft = spec != null ? spec : TraceValidator.defaultSpec();
            if (!Files.isRegularFile(raft)) {
                ErrorLine.print(err, "no spec at " + raft);
                return ExitCodes.USAGE;
            }
            ConformOptions options;
            try {
                options = new ConformOptions(raft, model, exhaustive, walks == null ? 20 : walks,
                        depth == null ? 40 : depth, seed == null ? 1 : seed, bugs);
            } catch (IllegalArgumentException e) {
                ErrorLine.print(err, e.getMessage());
                return ExitCodes.USAGE;
            }
            ConformResult r = Conformance.run(options);
            out.print(ConformReport.text(r));
            out.flush();
            if (json != null) {
                ConformReport.writeAtomically(ConformReport.json(r), json);
            }
            return r.conforms() ? ExitCodes.OK : ExitCodes.VIOLATION;
        } catch (SpecLoadException | UnmappedActionException e) {
            ErrorLine.print(err, e.getMessage().replaceAll("\\s+", " ").trim());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            ErrorLine.print(err, "cannot write " + json + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // not a verdict: the run itself failed
            err.println("internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().replaceAll("\\s+", " ").trim()));
            err.flush();
            return 3;
        }
    }
}
