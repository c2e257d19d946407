package dev.dsverify.runner.tlc;

import dev.dsverify.runner.Progress;
import dev.dsverify.runner.TlcMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What is known when a TLC process has ended: its output, how it ended and why.
 *
 * @param name          the check's name
 * @param specDir       the directory of the root module, to turn module names into files
 * @param libraryDirs   the further directories TLC searched for modules, in order
 * @param simulation    whether TLC ran in simulation mode
 * @param distributed   whether TLC ran as a distributed server with workers
 * @param properties    the PROPERTY names of the model, to name a violated temporal property
 * @param messages      every framed message, in order
 * @param sanyLines     SANY's unframed output
 * @param otherLines    other unframed output
 * @param exitCode      the process's exit code; -1 when it was killed by us
 * @param cancelled     killed because of a cancel
 * @param timedOut      killed because of the timeout
 * @param duration      wall time of the run
 * @param lastProgress  the last progress report, or null
 * @param allowStaleTranslation when false, a PlusCal translation that SANY reports as no longer matching its
 *                      algorithm fails the check; when true it is only a warning
 */
public record RunFacts(String name, Path specDir, List<Path> libraryDirs, boolean simulation, boolean distributed, List<String> properties,
                       List<TlcMessage> messages, List<String> sanyLines, List<String> otherLines,
                       int exitCode, boolean cancelled, boolean timedOut, Duration duration,
                       Progress lastProgress, boolean allowStaleTranslation) {
    public RunFacts {
        libraryDirs = List.copyOf(libraryDirs);
        properties = List.copyOf(properties);
        messages = List.copyOf(messages);
        sanyLines = List.copyOf(sanyLines);
        otherLines = List.copyOf(otherLines);
    }

    /** Facts of a run where a stale PlusCal translation fails the check. */
    public RunFacts(String name, Path specDir, List<Path> libraryDirs, boolean simulation, boolean distributed,
                    List<String> properties, List<TlcMessage> messages, List<String> sanyLines,
                    List<String> otherLines, int exitCode, boolean cancelled, boolean timedOut, Duration duration,
                    Progress lastProgress) {
        this(name, specDir, libraryDirs, simulation, distributed, properties, messages, sanyLines, otherLines,
                exitCode, cancelled, timedOut, duration, lastProgress, false);
    }

    /** Facts of a run without a library path. */
    public RunFacts(String name, Path specDir, boolean simulation, boolean distributed, List<String> properties,
                    List<TlcMessage> messages, List<String> sanyLines, List<String> otherLines,
                    int exitCode, boolean cancelled, boolean timedOut, Duration duration, Progress lastProgress) {
        this(name, specDir, List.of(), simulation, distributed, properties, messages, sanyLines, otherLines,
                exitCode, cancelled, timedOut, duration, lastProgress);
    }

    /**
     * Fifteen fields: build by name. Unset lists are empty, flags false, the exit code 0, the duration zero,
     * the spec directory and last progress null.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of {@link RunFacts}; {@code name} is required. */
    public static final class Builder {
        private String name;
        private Path specDir;
        private List<Path> libraryDirs = List.of();
        private boolean simulation;
        private boolean distributed;
        private List<String> properties = List.of();
        private List<TlcMessage> messages = List.of();
        private List<String> sanyLines = List.of();
        private List<String> otherLines = List.of();
        private int exitCode;
        private boolean cancelled;
        private boolean timedOut;
        private Duration duration = Duration.ZERO;
        private Progress lastProgress;
        private boolean allowStaleTranslation;

        private Builder() {}

        public Builder name(String v) { name = v; return this; }
        public Builder specDir(Path v) { specDir = v; return this; }
        public Builder libraryDirs(List<Path> v) { libraryDirs = v; return this; }
        public Builder simulation(boolean v) { simulation = v; return this; }
        public Builder distributed(boolean v) { distributed = v; return this; }
        public Builder properties(List<String> v) { properties = v; return this; }
        public Builder messages(List<TlcMessage> v) { messages = v; return this; }
        public Builder sanyLines(List<String> v) { sanyLines = v; return this; }
        public Builder otherLines(List<String> v) { otherLines = v; return this; }
        public Builder exitCode(int v) { exitCode = v; return this; }
        public Builder cancelled(boolean v) { cancelled = v; return this; }
        public Builder timedOut(boolean v) { timedOut = v; return this; }
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder lastProgress(Progress v) { lastProgress = v; return this; }
        public Builder allowStaleTranslation(boolean v) { allowStaleTranslation = v; return this; }

        public RunFacts build() {
            return new RunFacts(java.util.Objects.requireNonNull(name, "name"), specDir, libraryDirs, simulation,
                    distributed, properties, messages, sanyLines, otherLines, exitCode, cancelled, timedOut, duration,
                    lastProgress, allowStaleTranslation);
        }
    }
}
