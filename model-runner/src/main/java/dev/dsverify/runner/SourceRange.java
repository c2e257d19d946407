package dev.dsverify.runner;

/**
 * The span of an action in a module, as TLC reports it for each state of a trace. Printed where it starts,
 * in the one form dsverify prints every location in: {@code Module.tla:line:column}.
 */
public record SourceRange(String module, int line, int column, int endLine, int endColumn) {
    @Override
    public String toString() {
        return SourcePosition.fileName(module) + ":" + line + ":" + column;
    }
}
