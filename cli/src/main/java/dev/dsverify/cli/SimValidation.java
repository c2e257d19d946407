package dev.dsverify.cli;

import dev.dsverify.raft.sim.Schedule;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.trace.TraceResult;
import dev.dsverify.trace.TraceValidator;
import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.replay.SpecLoadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code dsverify simulate --validate}: every run records its contract trace, which is then replayed against the
 * Raft spec (one at a time: TLC's evaluator is a JVM-wide singleton; the loaded spec is reused from run to run). A
 * trace the spec cannot explain fails the run as the property {@value #PROPERTY}, naming the first diverging line.
 * Traces go to a private temporary directory, one file at a time, deleted when the command ends.
 */
final class SimValidation implements AutoCloseable {
    static final String PROPERTY = "TraceValidation";

    /** Validation could not run (the spec does not load, a trace cannot be written): never a verdict. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path spec;
    private final Path dir;

    SimValidation(Path spec) {
        this.spec = spec;
        try {
            this.dir = Files.createTempDirectory("dsverify-simulate-");
        } catch (IOException e) {
            throw new Unavailable("cannot create a directory for the traces: " + e.getMessage(), e);
        }
    }

    /**
     * {@code r} (run with its trace) if the spec explains its trace, else {@code r} failed as {@value #PROPERTY};
     * a run that already failed is returned as it is. The trace is dropped either way.
     */
    SimResult check(SimResult r) {
        if (r.passed()) {
            Path f = dir.resolve("seed-" + r.seed() + ".ndjson");
            TraceResult t;
            try {
                NdjsonTraceWriter.writeAtomically(r.trace(), f);
                t = TraceValidator.validate(spec, f);
            } catch (IOException | UncheckedIOException e) {
                throw new Unavailable("cannot write the trace of seed " + r.seed() + ": " + e.getMessage(), e);
            } catch (TraceFormatException e) {
                // the simulator wrote a line outside the contract: the implementation is at fault, not the input
                return failed(r, "line " + e.getMessage());
            } catch (SpecLoadException e) {
                throw new Unavailable(e.getMessage(), e);
            } finally {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // removed with the directory at the end
                }
            }
            if (!t.matches()) {
                return failed(r, String.format("trace line %d (of %d) diverges from %s: %s%s", t.firstUnmatchedLine(),
                        t.events(), spec.getFileName(), t.event(),
                        t.reasons().isEmpty() ? "" : "\n  why: " + String.join("\n  why: ", t.reasons())));
            }
        }
        return new SimResult(r.seed(), r.schedule(), r.verdict(), r.failure(), r.property(), r.simMicros(), r.steps(),
                r.opsCompleted(), r.messages(), r.leaders(), r.maxCommitted(), r.bugActivations(), r.tornCrashes(),
                r.linearizability(), r.history(), List.of(), r.liveness());
    }

    private static SimResult failed(SimResult r, String detail) {
        return new SimResult(r.seed(), r.schedule(), SimResult.Verdict.FAIL, PROPERTY + ": " + detail, PROPERTY,
                r.simMicros(), r.steps(), r.opsCompleted(), r.messages(), r.leaders(), r.maxCommitted(),
                r.bugActivations(), r.tornCrashes(), r.linearizability(), r.history(), List.of(), r.liveness());
    }

    /** Runs {@code schedule} with its trace on and validates it. */
    SimResult run(SimConfig cfg, Schedule schedule) {
        return check(new dev.dsverify.raft.sim.Simulator(cfg.withTrace(true), schedule).run());
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // nothing else to clean
        }
    }
}
