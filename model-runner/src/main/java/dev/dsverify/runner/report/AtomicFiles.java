package dev.dsverify.runner.report;

import dev.dsverify.runner.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes report files so that a reader (a CI job archiving reports, a browser reloading the page) never
 * sees half a file: the text goes to a temporary file in the same directory, which then replaces the
 * target in one atomic rename.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void writeString(Path target, String text) {
        try {
            ResultJson.writeAtomically(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
