package dev.dsverify.trace.tla;

import dev.dsverify.runner.overrides.OperatorLibrary;

/**
 * Registers the Java bodies of TraceValidation.tla's operators ({@link TraceValidationOperators}) and of
 * TraceRaft.tla's fast paths ({@link TraceRaftOperators}) with TLC's override lookup.
 *
 * <p>The command's shaded jar puts this registration on the classpath of every TLC JVM it forks, also for model
 * checks of specs that never extend TraceValidation; TLC would then warn (message 2402) for each operator that its
 * module is missing. A model check forked by model-runner says so with {@value #FORK_PROPERTY}{@code =check};
 * without a trace to load ({@code -Ddsverify.trace}) such a run gets no trace operators, and TLC has nothing
 * to warn about. Replays and plain TLC runs of a trace spec are unaffected.
 */
public final class TraceLogLibrary implements OperatorLibrary {
    /** Set by model-runner on the TLC JVMs it forks for model checks. */
    public static final String FORK_PROPERTY = "dsverify.fork";

    @Override
    public Class<?>[] operatorClasses() {
        if ("check".equals(System.getProperty(FORK_PROPERTY)) && System.getProperty(LoadedLog.PROPERTY) == null) {
            return new Class<?>[0];
        }
        return new Class<?>[] {TraceValidationOperators.class, TraceRaftOperators.class};
    }
}
