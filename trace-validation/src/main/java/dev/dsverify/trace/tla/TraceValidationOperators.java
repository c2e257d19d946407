package dev.dsverify.trace.tla;

import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.Value;

/**
 * Java bodies of TraceValidation.tla's log operators, for trace specs of any system. The log is read from NDJSON
 * with Jackson and built directly as TLC values ({@link dev.dsverify.trace.log.JsonLogReader}).
 *
 * <p>{@code warn = false}: the library is on the classpath of every TLC run of the command, most of which (Raft
 * replays, model checks) have no TraceValidation module; TLC would warn about each missing module. A trace spec
 * that does extend it cannot silently miss the override either: the stand-in bodies choose from the empty set, so
 * TLC stops with an evaluation error.
 */
public final class TraceValidationOperators {
    private TraceValidationOperators() {
    }

    /** The merged log as a sequence of records, one per line. */
    @TLAPlusOperator(identifier = "TraceLog", module = "TraceValidation", warn = false)
    public static Value traceLog() {
        return LoadedLog.log();
    }

    /** JSON null: a model value, equal only to itself (see {@link TraceNull}). */
    @TLAPlusOperator(identifier = "TraceNull", module = "TraceValidation", warn = false)
    public static Value traceNull() {
        return TraceNull.value();
    }

    /** The string values of the log's {@code node} fields. */
    @TLAPlusOperator(identifier = "TraceNodes", module = "TraceValidation", warn = false)
    public static Value traceNodes() {
        return LoadedLog.nodes();
    }
}
