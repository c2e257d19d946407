package dev.dsverify.cli;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.FaultMix;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.Schedule;
import dev.dsverify.raft.sim.ScheduleText;
import dev.dsverify.raft.sim.Shrinker;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.sim.Sweep;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dsverify simulate}: runs the Raft implementation in the deterministic simulator, one seed (optionally
 * writing the contract trace of the whole run) or a range of seeds. A failing seed is shrunk and its minimal
 * schedule printed. Exit code 0: every run passed; 1: a run failed (or its history could not be decided);
 * 2: bad usage.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the Raft key-value store in the deterministic fault-injecting simulator.",
        footer = {"", "Faults: delay, drop, dup, reorder, partition, crash, pause, skew (all = these eight), and torn",
                "(crashes inside steps: between a write and its fsync, after persisting, after sending).",
                "Bugs (for testing checkers): double-vote, commit-old-term, skip-prevlog-check, forget-vote, "
                        + "commit-backwards.",
                "Swarm testing (default): each seed runs its own mix of the allowed faults",
                "and rates; --seed N alone runs it again; --swarm off: the fixed rates.",
                "Liveness: once the faults stop, a leader and every pending command within",
                "a bound of ticks. LeaderAvailability: no long leaderless stretch while a",
                "majority is up and connected.",
                "Exit codes: 0 all runs passed, 1 a run failed (or a trace diverged from",
                "the spec), 2 bad usage, 3 --validate could not load the spec."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", description = "Run this one seed.")
    Long seed;

    @Option(names = "--seeds", paramLabel = "FROM..TO", description = "Run every seed in this range, e.g. 1..1000.")
    String seeds;

    @Option(names = "--nodes", defaultValue = "3", description = "Cluster size (1-9, default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--ops", defaultValue = "1000", description = "Client operations per run (default ${DEFAULT-VALUE}).")
    int ops;

    @Option(names = "--clients", defaultValue = "3", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--keys", defaultValue = "5", description = "Distinct keys (default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--faults", defaultValue = "all", description = "Comma-separated fault kinds (default ${DEFAULT-VALUE}).")
    String faults;

    @Option(names = "--bug", defaultValue = "none", description = "Deliberate protocol bugs to switch on (default none).")
    String bug;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the run's trace (NDJSON, trace contract schema 1); only with --seed.")
    Path trace;

    @Option(names = "--pre-vote", description = "Servers ask for pre-votes before an election (off by default).")
    boolean preVote;

    @Option(names = "--check-quorum", description = "Leaders without a quorum step down (off by default).")
    boolean checkQuorum;

    @Option(names = "--snapshot-every", defaultValue = "0", paramLabel = "N",
            description = "Servers snapshot and compact their log every N applied entries (default 0: never); compaction and InstallSnapshot are traced like every step.")
    int snapshotEvery;

    @Option(names = "--max-append-entries", defaultValue = "64", paramLabel = "N",
            description = "Most entries a server sends in one AppendEntries (default ${DEFAULT-VALUE}).")
    int maxAppendEntries;

    @Option(names = "--think-ticks", defaultValue = "0", paramLabel = "N",
            description = "Each client waits 1 to N ticks (10 ms each) between commands (default 0: back to back);"
                    + " above an election timeout (10 ticks) the cluster idles between commands.")
    int thinkTicks;

    @Option(names = "--max-append-bytes", defaultValue = "1048576", paramLabel = "N",
            description = "Most command bytes a server sends in one AppendEntries, unless it sends a single entry"
                    + " (default ${DEFAULT-VALUE}).")
    long maxAppendBytes;

    @Option(names = "--forge-rate", defaultValue = "0", paramLabel = "P",
            description = "Probability that the network delivers, next to a message, forged copies of it (one for"
                    + " each way a message can be malformed), each of which the receiver must refuse without a trace"
                    + " (ForgedMessageRefused); default 0. The run is otherwise the same at every rate.")
    double forgeRate;

    @Option(names = "--schedule", paramLabel = "TEXT", description = "Run this schedule (client operations and"
            + " faults, as a failing run's 'reproduce the minimal schedule' line prints it) instead of generating one"
            + " from --ops and --faults; only with --seed.")
    private String schedule;

    @Option(names = "--no-shrink", description = "Do not shrink failing seeds.")
    boolean noShrink;

    @Option(names = "--shrink-budget", defaultValue = "60", description = "Runs spent shrinking one failure (default ${DEFAULT-VALUE}).")
    int shrinkBudget;

    // --- swarm testing and trace validation of every run

    @Option(names = "--swarm", defaultValue = "on", paramLabel = "on|off", description = "Each seed draws its own fault"
            + " mix and rates within --faults (default on); off: every seed runs every kind at the fixed rates.")
    String swarm;

    @Option(names = "--validate", description = "Replay every run's trace against the Raft spec (specs/raft/Raft.tla"
            + " of this source tree, else the bundled one); a divergence fails the seed (TraceValidation).")
    boolean validate;

    private boolean swarmOn() {
        return switch (swarm) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ParameterException(spec.commandLine(), "--swarm takes on or off, got '" + swarm + "'");
        };
    }

    /** The options that made a seed's schedule, as the reproduce line repeats them. */
    private String generatedBy(EnumSet<FaultType> kinds, SimConfig cfg) {
        List<String> names = new ArrayList<>();
        for (FaultType t : kinds) {
            names.add(t.cliName());
        }
        if (cfg.tornWrites()) {
            names.add("torn");
        }
        return "--ops " + ops + " --faults " + (names.isEmpty() ? "none" : String.join(",", names))
                + (swarmOn() ? "" : " --swarm off");
    }

    /** Runs a seed (traced when validating) and, if {@code check} is given, validates its trace. */
    private SimResult runSeed(SimConfig cfg, EnumSet<FaultType> kinds, SimValidation check) {
        SimConfig c = cfg.withTrace(cfg.trace() || validation != null);
        SimResult r = swarmOn() ? FaultMix.run(c, ops, kinds) : Simulator.run(c, ops, kinds);
        return check == null ? r : check.check(r);
    }

    private String mixLine(long seed, EnumSet<FaultType> kinds, SimConfig cfg) {
        return "  " + FaultMix.draw(seed, kinds, cfg.tornWrites()).describe(kinds);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ((seed == null) == (seeds == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --seed S or --seeds FROM..TO");
        }
        if (trace != null && seed == null) {
            throw new ParameterException(spec.commandLine(), "--trace writes one run's trace; use it with --seed");
        }
        if (schedule != null && seed == null) {
            throw new ParameterException(spec.commandLine(), "--schedule is one run's schedule; use it with --seed");
        }
        if (ops < 1) {
            throw new ParameterException(spec.commandLine(), "--ops must be at least 1, got " + ops);
        }
        if (!(forgeRate >= 0 && forgeRate <= 1)) {
            throw new ParameterException(spec.commandLine(), "--forge-rate must be between 0 and 1, got " + forgeRate);
        }
        EnumSet<FaultType> kinds;
        Bugs bugs;
        SimConfig cfg;
        try {
            List<String> names = new ArrayList<>(List.of(faults.split(",")));
            boolean torn = names.removeIf(n -> n.trim().equalsIgnoreCase("torn"));
            kinds = FaultType.parse(String.join(",", names));
            bugs = Bugs.parse(bug);
            cfg = new SimConfig(0, nodes, clients, keys, bugs, false, 0.05, 0.03, 0.05, preVote, checkQuorum,
                    snapshotEvery, torn).toBuilder().maxAppendEntries(maxAppendEntries)
                    .thinkTicks(thinkTicks).maxAppendBytes(maxAppendBytes).forgeRate(forgeRate).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        swarmOn(); // rejects a bad --swarm before anything runs
        try (SimValidation validation = validate ? new SimValidation(dev.dsverify.trace.TraceValidator.defaultSpec())
                : null) {
            this.validation = validation;
            return seedOrSweep(out, cfg, kinds);
        } catch (SimValidation.Unavailable e) {
            ErrorLine.print(spec.commandLine().getErr(), "--validate: " + e.getMessage());
            return 3;
        }
    }

    private SimValidation validation;

    private int seedOrSweep(PrintWriter out, SimConfig cfg, EnumSet<FaultType> kinds) {
        if (seed != null) {
            Schedule given = null;
            if (schedule != null) {
                try {
                    given = ScheduleText.decode(schedule, nodes);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--schedule: " + e.getMessage());
                }
            }
            return single(out, cfg.withSeed(seed).withTrace(trace != null), kinds, given);
        }
        long[] range = parseRange(seeds);
        return sweep(out, cfg, range[0], range[1], kinds);
    }

    private int single(PrintWriter out, SimConfig cfg, EnumSet<FaultType> kinds, Schedule given) {
        SimResult r = given != null ? new Simulator(cfg.withTrace(cfg.trace() || validation != null), given).run()
                : runSeed(cfg, kinds, null);
        if (trace != null) {
            try {
                NdjsonTraceWriter.writeAtomically(r.trace(), trace);
            } catch (IOException e) {
                ErrorLine.print(spec.commandLine().getErr(), "cannot write trace " + trace + ": " + e.getMessage());
                return 1;
            }
        }
        int events = r.trace().size();
        if (validation != null) {
            r = validation.check(r);
        }
        out.println(r.summary());
        if (given == null && swarmOn()) {
            out.println(mixLine(r.seed(), kinds, cfg));
        }
        if (trace != null) {
            out.println("trace: " + events + " events written to " + trace);
        }
        if (!r.passed()) {
            report(out, cfg, r);
        }
        out.flush();
        return r.passed() ? 0 : 1;
    }

    private int sweep(PrintWriter out, SimConfig cfg, long from, long to, EnumSet<FaultType> kinds) {
        Sweep.Summary s = Sweep.run(from, to, sd -> runSeed(cfg.withSeed(sd), kinds, validation), r -> {
            if (!r.passed()) {
                report(out, cfg.withSeed(r.seed()), r);
                out.flush();
            }
        });
        out.printf("%d seeds (%d..%d), %d nodes, %d ops, faults %s%s%s: %d passed, %d failed, %d undecided in %.1fs%n",
                to - from + 1, from, to, nodes, ops, faults, bug.equals("none") ? "" : ", bug " + bug,
                (swarmOn() ? ", swarm" : ", fixed rates") + (validation != null ? ", traces validated" : ""),
                s.passed(), s.failed(), s.unknown(), s.millis() / 1000.0);
        out.flush();
        return s.failed() + s.unknown() == 0 ? 0 : 1;
    }

    private void report(PrintWriter out, SimConfig cfg, SimResult r) {
        // under the result line: the seed's swarm mix, and why the spec rejected a diverging trace line
        String details = schedule == null && swarmOn()
                ? mixLine(r.seed(), FaultType.parse(kindsText()), cfg) + "\n" : "";
        if (r.failure() != null && r.failure().contains("\n  why: ")) {
            details += r.failure().substring(r.failure().indexOf('\n') + 1) + "\n";
        }
        String extra = validation != null ? " --validate" : "";
        if (noShrink || r.verdict() != SimResult.Verdict.FAIL) {
            out.println("FAILED " + r.summary());
            out.print(details);
            out.print(r.schedule().describe());
            return;
        }
        Shrinker.Judge judge = validation != null ? validation::run : (c, sch) -> new Simulator(c, sch).run();
        String text = Shrinker.report(cfg, Shrinker.shrink(cfg, r, shrinkBudget, judge),
                schedule == null ? generatedBy(FaultType.parse(kindsText()), cfg)
                        : "--schedule " + ScheduleText.encode(r.schedule()), extra);
        int eol = text.indexOf('\n') + 1;
        out.print("FAILED " + text.substring(0, eol) + details + text.substring(eol));
    }

    /** --faults without torn (which is not a kind but SimConfig.tornWrites). */
    private String kindsText() {
        List<String> names = new ArrayList<>(List.of(faults.split(",")));
        names.removeIf(n -> n.trim().equalsIgnoreCase("torn"));
        return String.join(",", names);
    }

    private long[] parseRange(String s) {
        String[] parts = s.split("\\.\\.", -1);
        try {
            if (parts.length == 2) {
                long a = Long.parseLong(parts[0].trim());
                long b = Long.parseLong(parts[1].trim());
                if (a <= b) {
                    return new long[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--seeds expects FROM..TO with FROM <= TO, got '" + s + "'");
    }

    /** Runs the command on its own, until it is registered under the main {@code dsverify} command. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateCommand()).execute(args));
    }
}
