package dev.dsverify.cli;

import dev.dsverify.runner.spec.SpecParser;
import dev.dsverify.runner.spec.TraceScaffold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dsverify replay init --spec S.tla}: writes a starting trace spec {@code TraceS.tla} and its cfg for
 * the user to edit, read from the spec with SANY.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a starting trace spec for SPEC: TraceSPEC.tla with one ReplayStep arm per action of Next",
                "(parameters bound from the log record's fields) and a post-state check per variable the action",
                "changes, and TraceSPEC.cfg listing the spec's constants to bind.",
                "Exit codes: 0 written, 2 usage error or the spec does not parse."})
public final class ReplayInitCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "S.tla", description = "the system's spec")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: beside the spec)")
    Path out;

    @Option(names = "--next", paramLabel = "NAME", description = "the next-state relation (default: Next)")
    String next = "Next";

    @Option(names = "--init", paramLabel = "NAME", description = "the initial predicate (default: Init)")
    String init = "Init";

    @Option(names = "--library", paramLabel = "DIR", description = "directories with modules the spec extends")
    List<Path> library = new ArrayList<>();

    @Option(names = "--force", description = "overwrite existing files")
    boolean force;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = commandSpec.commandLine().getErr();
        PrintWriter stdout = commandSpec.commandLine().getOut();
        if (!Files.isRegularFile(spec)) {
            ErrorLine.print(err, spec + ": no such file");
            return ExitCodes.USAGE;
        }
        Path scratch = Files.createTempDirectory("dsverify-init-");
        TraceScaffold.Files files;
        try {
            SpecParser.Parsed parsed = SpecParser.parse(spec, library, scratch);
            files = TraceScaffold.generate(parsed, next, init);
        } catch (SpecParser.ParseException | IllegalArgumentException e) {
            ErrorLine.print(err, e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            deleteRecursively(scratch);
        }
        Path dir = out != null ? out : spec.toAbsolutePath().getParent();
        Path tla = dir.resolve(files.moduleName() + ".tla");
        Path cfg = dir.resolve(files.moduleName() + ".cfg");
        for (Path p : List.of(tla, cfg)) {
            if (Files.exists(p) && !force) {
                ErrorLine.print(err, p + " exists; pass --force to overwrite it");
                return ExitCodes.USAGE;
            }
        }
        Files.createDirectories(dir);
        Files.writeString(tla, files.tla(), StandardCharsets.UTF_8);
        Files.writeString(cfg, files.cfg(), StandardCharsets.UTF_8);
        stdout.println("wrote " + tla + " (" + files.actions().size() + " actions: "
                + String.join(", ", files.actions().stream().map(TraceScaffold.Action::name).toList()) + ")");
        stdout.println("wrote " + cfg);
        stdout.println("next: bind the constants in " + cfg.getFileName() + ", match each arm's fields to your log, then");
        stdout.println("  dsverify replay --trace-spec " + tla + " LOG.ndjson...");
        return ExitCodes.OK;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
