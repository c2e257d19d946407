package dev.dsverify.runner;

import java.util.List;

/**
 * The typed result of one model check.
 *
 * @param name         the check's name (catalog entry or spec file name)
 * @param outcome      how it ended; never SUCCESS unless the whole state space was explored
 * @param violated     the invariant or property that failed, when TLC names one; otherwise null
 * @param message      a one-paragraph explanation for people (TLC's error text, cleaned up); null on success
 * @param errorPosition where a parse or evaluation error is, when known; otherwise null
 * @param stats        final statistics
 * @param trace        the counterexample's states, first to last; empty when there is none
 * @param loopsBackTo  for a lasso, the 0-based index into {@code trace} the behaviour returns to; null otherwise
 * @param stuttering   true when a liveness counterexample ends by stuttering forever
 * @param coverage     per-action coverage, when requested
 * @param tlcExitCode  the child JVM's exit code, or -1 when it was killed
 * @param warnings     every warning TLC and SANY printed, in the order printed, each once
 * @param fingerprint  the fingerprint function TLC used (its {@code -fp}), as TLC reported it; null when TLC
 *                     did not get that far. Running again with it gives the same counterexample.
 * @param seed         the seed of a simulation as TLC reported it (null for an exhaustive search); running
 *                     again with it gives the same traces
 */
public record ModelCheckResult(
        String name,
        Outcome outcome,
        String violated,
        String message,
        SourcePosition errorPosition,
        Stats stats,
        List<TraceState> trace,
        Integer loopsBackTo,
        boolean stuttering,
        List<ActionCoverage> coverage,
        int tlcExitCode,
        List<TlcWarning> warnings,
        Integer fingerprint,
        Long seed) {

    public ModelCheckResult {
        trace = List.copyOf(trace);
        coverage = List.copyOf(coverage);
        warnings = List.copyOf(warnings);
    }

    /** A result without warnings (a run that never reached TLC, or a result stored before warnings were kept). */
    public ModelCheckResult(String name, Outcome outcome, String violated, String message,
                            SourcePosition errorPosition, Stats stats, List<TraceState> trace, Integer loopsBackTo,
                            boolean stuttering, List<ActionCoverage> coverage, int tlcExitCode) {
        this(name, outcome, violated, message, errorPosition, stats, trace, loopsBackTo, stuttering, coverage,
                tlcExitCode, List.of());
    }

    /** A result for which the fingerprint function and seed are not known. */
    public ModelCheckResult(String name, Outcome outcome, String violated, String message,
                            SourcePosition errorPosition, Stats stats, List<TraceState> trace, Integer loopsBackTo,
                            boolean stuttering, List<ActionCoverage> coverage, int tlcExitCode,
                            List<TlcWarning> warnings) {
        this(name, outcome, violated, message, errorPosition, stats, trace, loopsBackTo, stuttering, coverage,
                tlcExitCode, warnings, null, null);
    }

    /** This result with another counterexample (the same states, say, with their actions named). */
    public ModelCheckResult withTrace(List<TraceState> t) {
        return new ModelCheckResult(name, outcome, violated, message, errorPosition, stats, t, loopsBackTo,
                stuttering, coverage, tlcExitCode, warnings, fingerprint, seed);
    }

    /** This result with other warnings. */
    public ModelCheckResult withWarnings(List<TlcWarning> w) {
        return new ModelCheckResult(name, outcome, violated, message, errorPosition, stats, trace, loopsBackTo,
                stuttering, coverage, tlcExitCode, w, fingerprint, seed);
    }

    /**
     * Fourteen fields, several nullable: build by name. Unset lists are empty, the exit code 0, the stats
     * unknown with zero time, the other fields null or false.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of a {@link ModelCheckResult}; {@code name} and {@code outcome} are required. */
    public static final class Builder {
        private String name;
        private Outcome outcome;
        private String violated;
        private String message;
        private SourcePosition errorPosition;
        private Stats stats = Stats.unknown(java.time.Duration.ZERO);
        private List<TraceState> trace = List.of();
        private Integer loopsBackTo;
        private boolean stuttering;
        private List<ActionCoverage> coverage = List.of();
        private int tlcExitCode;
        private List<TlcWarning> warnings = List.of();
        private Integer fingerprint;
        private Long seed;

        private Builder() {}

        public Builder name(String v) { name = v; return this; }
        public Builder outcome(Outcome v) { outcome = v; return this; }
        public Builder violated(String v) { violated = v; return this; }
        public Builder message(String v) { message = v; return this; }
        public Builder errorPosition(SourcePosition v) { errorPosition = v; return this; }
        public Builder stats(Stats v) { stats = v; return this; }
        public Builder trace(List<TraceState> v) { trace = v; return this; }
        public Builder loopsBackTo(Integer v) { loopsBackTo = v; return this; }
        public Builder stuttering(boolean v) { stuttering = v; return this; }
        public Builder coverage(List<ActionCoverage> v) { coverage = v; return this; }
        public Builder tlcExitCode(int v) { tlcExitCode = v; return this; }
        public Builder warnings(List<TlcWarning> v) { warnings = v; return this; }
        public Builder fingerprint(Integer v) { fingerprint = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }

        public ModelCheckResult build() {
            return new ModelCheckResult(java.util.Objects.requireNonNull(name, "name"),
                    java.util.Objects.requireNonNull(outcome, "outcome"), violated, message, errorPosition, stats,
                    trace, loopsBackTo, stuttering, coverage, tlcExitCode, warnings, fingerprint, seed);
        }
    }
}
