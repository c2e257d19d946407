package dev.dsverify.runner.catalog;

import java.nio.file.Path;

/**
 * A catalog file that cannot be used. The message names the file, the line when known, and the field, for
 * example {@code specs/raft/catalog.json:14: models[2].expect.outcome: unknown outcome 'sucess'}.
 */
public final class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final int line;
    private final String field;

    public CatalogException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ")
                + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The offending field as a path like {@code models[2].expect.outcome}, or null. */
    public String field() {
        return field;
    }
}
