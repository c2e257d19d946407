package dev.dsverify.runner;

/**
 * A place in a spec or cfg file: 1-based line and column; {@code file} is a path or module name. Printed as
 * {@code path/Module.tla:line:column} (a bare module name gets its {@code .tla}), the form editors and
 * terminals recognise, and the one every location dsverify prints has.
 */
public record SourcePosition(String file, int line, int column) {
    @Override
    public String toString() {
        return fileName(file) + ":" + line + ":" + column;
    }

    /** A file as printed: a module name such as {@code Naturals} becomes {@code Naturals.tla}. */
    static String fileName(String fileOrModule) {
        if (fileOrModule == null) {
            return "?";
        }
        return fileOrModule.endsWith(".tla") || fileOrModule.endsWith(".cfg") ? fileOrModule : fileOrModule + ".tla";
    }
}
