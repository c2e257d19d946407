package dev.dsverify.trace.tla;

import dev.dsverify.runner.overrides.OperatorLibrary;

/** Registers {@link TraceLogOperators}, the Java bodies of TraceLog.tla's operators, with TLC's override lookup. */
public final class TraceLogLibrary implements OperatorLibrary {
    @Override
    public Class<?>[] operatorClasses() {
        return new Class<?>[] {TraceLogOperators.class};
    }
}
