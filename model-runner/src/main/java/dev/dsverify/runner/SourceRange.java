package dev.dsverify.runner;

/** The span of an action in a module, as TLC reports it for each state of a trace. */
public record SourceRange(String module, int line, int column, int endLine, int endColumn) {
    @Override
    public String toString() {
        return "line " + line + ", col " + column + " to line " + endLine + ", col " + endColumn
                + " of module " + module;
    }
}
