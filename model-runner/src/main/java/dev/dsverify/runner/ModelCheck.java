package dev.dsverify.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to run one model check. Build it with {@link #builder(Path)}.
 *
 * <p>The model is either a cfg file ({@link Builder#config(Path)}), or given inline (constants, init/next or
 * specification, invariants, properties), or both: inline entries are then appended to a copy of the cfg
 * file. The copy and every other file TLC writes live in a temporary directory that is deleted after the run.
 *
 * @param name               shown in results and reports; defaults to the spec's module name
 * @param spec               the root {@code .tla} module
 * @param config             the cfg file, or null for a purely inline model
 * @param constants          {@code CONSTANT name = value} entries (value in TLA+ syntax, e.g. {@code {n1, n2}})
 * @param init               INIT formula name, or null
 * @param next               NEXT formula name, or null
 * @param specification      SPECIFICATION formula name, or null
 * @param invariants         INVARIANT names
 * @param properties         PROPERTY names (temporal formulas or action properties)
 * @param workers            TLC worker threads (local mode)
 * @param heap               the child JVM's -Xmx value such as {@code "2g"}, or null for the JVM default
 * @param fpmem              TLC's -fpmem value (fraction of memory for fingerprints), or null
 * @param timeout            wall-clock limit after which the child is killed ({@link Outcome#TIMEOUT}), or null
 * @param stopAfter          ask TLC to stop by itself after this long and report what it explored
 *                           ({@link Outcome#INCOMPLETE} unless it finished earlier), or null
 * @param mode               exhaustive or simulation
 * @param checkDeadlock      whether a state without successors is an error
 * @param coverage           whether to collect per-action coverage
 * @param distributedWorkers 0 for a local run; otherwise the number of distributed TLC worker processes
 * @param extraClasspath     additional classpath entries for the TLC JVM (e.g. operator overrides)
 * @param jvmArgs            additional arguments for the TLC JVM
 * @param libraryPath        directories where TLC also looks for modules that the spec {@code EXTENDS} or
 *                           {@code INSTANCE}s and that are neither beside the spec nor standard modules (TLC's
 *                           {@code TLA-Library}); searched in this order, after the spec's own directory
 * @param livenessAtEnd      check temporal properties once, on the complete state graph, instead of
 *                           periodically while it grows (TLC's {@code -lncheck final}); faster for large
 *                           liveness models, but a violation is found only after the whole search
 * @param translate          run TLC's PlusCal translator ({@code pcal.trans}) on the root module first, so
 *                           that its translation matches its algorithm; the module file is rewritten, the cfg
 *                           is left alone
 * @param allowStaleTranslation check a PlusCal translation even when SANY reports that it no longer matches
 *                           its algorithm (a warning then); by default that fails the check as a parse error
 * @param fingerprint        which of TLC's fingerprint functions to use (TLC's {@code -fp}, 0 to
 *                           {@value #MAX_FINGERPRINT}); TLC draws one at random when it is not given, and a
 *                           liveness counterexample depends on it, so a check always pins one (by default
 *                           {@value #DEFAULT_FINGERPRINT}) to give the same counterexample on every run
 */
public record ModelCheck(
        String name,
        Path spec,
        Path config,
        Map<String, String> constants,
        String init,
        String next,
        String specification,
        List<String> invariants,
        List<String> properties,
        int workers,
        String heap,
        Double fpmem,
        Duration timeout,
        Duration stopAfter,
        SearchMode mode,
        boolean checkDeadlock,
        boolean coverage,
        int distributedWorkers,
        List<Path> extraClasspath,
        List<String> jvmArgs,
        List<Path> libraryPath,
        boolean livenessAtEnd,
        boolean translate,
        boolean allowStaleTranslation,
        int fingerprint) {

    /** The fingerprint function a check uses unless told otherwise. */
    public static final int DEFAULT_FINGERPRINT = 0;
    /** TLC 2.18 has 131 fingerprint functions, numbered from 0. */
    public static final int MAX_FINGERPRINT = 130;

    public ModelCheck {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(mode, "mode");
        constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
        extraClasspath = List.copyOf(extraClasspath);
        jvmArgs = List.copyOf(jvmArgs);
        libraryPath = List.copyOf(libraryPath);
        if (name == null || name.isBlank()) {
            name = moduleName(spec);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (distributedWorkers < 0) {
            throw new IllegalArgumentException("distributed workers must not be negative, got " + distributedWorkers);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (fingerprint < 0 || fingerprint > MAX_FINGERPRINT) {
            throw new IllegalArgumentException("fingerprint must be between 0 and " + MAX_FINGERPRINT + ", got "
                    + fingerprint);
        }
        if (stopAfter != null && stopAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("stopAfter must be at least one second, got " + stopAfter);
        }
    }

    /** True when some part of the model is given inline and a cfg file has to be generated. */
    public boolean hasInlineModel() {
        return !constants.isEmpty() || init != null || next != null || specification != null
                || !invariants.isEmpty() || !properties.isEmpty();
    }

    public boolean isDistributed() {
        return distributedWorkers > 0;
    }

    /** The module name a spec path denotes: its file name without {@code .tla}. */
    public static String moduleName(Path spec) {
        String file = spec.getFileName().toString();
        return file.endsWith(".tla") ? file.substring(0, file.length() - 4) : file;
    }

    public static Builder builder(Path spec) {
        return new Builder(spec);
    }

    /** A builder starting from this check, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(spec);
        b.name = name;
        b.config = config;
        b.constants.putAll(constants);
        b.init = init;
        b.next = next;
        b.specification = specification;
        b.invariants.addAll(invariants);
        b.properties.addAll(properties);
        b.workers = workers;
        b.heap = heap;
        b.fpmem = fpmem;
        b.timeout = timeout;
        b.stopAfter = stopAfter;
        b.mode = mode;
        b.checkDeadlock = checkDeadlock;
        b.coverage = coverage;
        b.distributedWorkers = distributedWorkers;
        b.extraClasspath.addAll(extraClasspath);
        b.jvmArgs.addAll(jvmArgs);
        b.libraryPath.addAll(libraryPath);
        b.livenessAtEnd = livenessAtEnd;
        b.translate = translate;
        b.allowStaleTranslation = allowStaleTranslation;
        b.fingerprint = fingerprint;
        return b;
    }

    /** Builds a {@link ModelCheck}; every setting but the spec has a default. */
    public static final class Builder {
        private final Path spec;
        private String name;
        private Path config;
        private final Map<String, String> constants = new LinkedHashMap<>();
        private String init;
        private String next;
        private String specification;
        private final List<String> invariants = new ArrayList<>();
        private final List<String> properties = new ArrayList<>();
        private int workers = 1;
        private String heap;
        private Double fpmem;
        private Duration timeout;
        private Duration stopAfter;
        private SearchMode mode = SearchMode.exhaustive();
        private boolean checkDeadlock = true;
        private boolean coverage;
        private int distributedWorkers;
        private final List<Path> extraClasspath = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<Path> libraryPath = new ArrayList<>();
        private boolean livenessAtEnd;
        private boolean translate;
        private boolean allowStaleTranslation;
        private int fingerprint = DEFAULT_FINGERPRINT;

        private Builder(Path spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder config(Path config) { this.config = config; return this; }
        public Builder constant(String name, String tlaValue) { constants.put(name, tlaValue); return this; }
        public Builder init(String init) { this.init = init; return this; }
        public Builder next(String next) { this.next = next; return this; }
        public Builder specification(String specification) { this.specification = specification; return this; }
        public Builder invariant(String invariant) { invariants.add(invariant); return this; }
        public Builder property(String property) { properties.add(property); return this; }
        public Builder workers(int workers) { this.workers = workers; return this; }
        public Builder heap(String heap) { this.heap = heap; return this; }
        public Builder fpmem(Double fpmem) { this.fpmem = fpmem; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        public Builder stopAfter(Duration stopAfter) { this.stopAfter = stopAfter; return this; }
        public Builder mode(SearchMode mode) { this.mode = mode; return this; }
        public Builder simulate(int depth, long traces, Long seed) { return mode(SearchMode.simulation(depth, traces, seed)); }
        public Builder checkDeadlock(boolean checkDeadlock) { this.checkDeadlock = checkDeadlock; return this; }
        public Builder coverage(boolean coverage) { this.coverage = coverage; return this; }
        public Builder distributed(int workers) { this.distributedWorkers = workers; return this; }
        public Builder extraClasspath(Path entry) { extraClasspath.add(entry); return this; }
        public Builder jvmArg(String arg) { jvmArgs.add(arg); return this; }
        public Builder livenessAtEnd(boolean atEnd) { this.livenessAtEnd = atEnd; return this; }
        public Builder translate(boolean translate) { this.translate = translate; return this; }
        public Builder allowStaleTranslation(boolean allow) { this.allowStaleTranslation = allow; return this; }
        /** TLC's fingerprint function, 0 to {@value ModelCheck#MAX_FINGERPRINT}; null keeps the default. */
        public Builder fingerprint(Integer fp) { this.fingerprint = fp == null ? DEFAULT_FINGERPRINT : fp; return this; }
        /** Replaces the library path (see {@link ModelCheck#libraryPath()}). */
        public Builder libraryPath(List<Path> dirs) {
            libraryPath.clear();
            dirs.forEach(this::addLibrary);
            return this;
        }
        /** Appends one directory to the library path. */
        public Builder addLibrary(Path dir) { libraryPath.add(Objects.requireNonNull(dir, "library directory")); return this; }

        public ModelCheck build() {
            return new ModelCheck(name, spec, config, constants, init, next, specification, invariants,
                    properties, workers, heap, fpmem, timeout, stopAfter, mode, checkDeadlock, coverage,
                    distributedWorkers, extraClasspath, jvmArgs, libraryPath, livenessAtEnd, translate,
                    allowStaleTranslation, fingerprint);
        }
    }
}
