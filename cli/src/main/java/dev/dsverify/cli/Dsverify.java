package dev.dsverify.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dsverify} command: model-check specs, replay implementation logs, run the Raft demo. */
@Command(name = "dsverify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Model-check distributed-systems designs with TLC and check implementations against them.",
        subcommands = {
                CheckCommand.class,
                // Further subcommands are listed here, one per line:
                ReplayCommand.class,
                ConformCommand.class,
                SimulateCommand.class,
                NodeCommand.class,
                KvCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Dsverify implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        // picocli's writers flush only on println; a command that ends with print() must still be seen.
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }

    /** The configured command line; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return new CommandLine(new Dsverify())
                .setExitCodeExceptionMapper(e -> ExitCodes.USAGE)
                .setParameterExceptionHandler(Dsverify::badArguments)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    // No stack traces for users: one line saying what went wrong.
                    ErrorLine.print(cl.getErr(), e.getMessage() == null ? e.toString() : e.getMessage());
                    return ExitCodes.TLC_FAILURE;
                });
    }

    /** An unknown option, a missing value, a bad number: the error line, then where to read more. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        java.io.PrintWriter err = cl.getErr();
        ErrorLine.print(err, e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + cl.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Without a command there is nothing to do: that is a usage error, and the usage goes to stderr. */
    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        ErrorLine.print(cl.getErr(), "no command given");
        cl.usage(cl.getErr());
        cl.getErr().flush();
        return ExitCodes.USAGE;
    }
}
