package dev.dsverify.runner;

/** A place in a spec or cfg file: 1-based line and column; {@code file} is a path or module name. */
public record SourcePosition(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
