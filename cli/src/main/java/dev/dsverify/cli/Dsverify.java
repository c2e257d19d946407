package dev.dsverify.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dsverify} command: model-check specs, replay implementation logs, run the Raft demo. */
@Command(name = "dsverify",
        mixinStandardHelpOptions = true,
        version = "dsverify 0.1.0-SNAPSHOT",
        description = "Model-check distributed-systems designs with TLC and check implementations against them.",
        subcommands = {
                CheckCommand.class,
                // Further subcommands are listed here, one per line:
                ReplayCommand.class,
                SimulateCommand.class,
                NodeCommand.class,
                KvCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Dsverify implements Runnable {

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
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    // No stack traces for users: one line saying what went wrong.
                    cl.getErr().println("dsverify: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return ExitCodes.TLC_FAILURE;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
