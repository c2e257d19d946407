package dev.dsverify.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Copies of traces with one line rewritten, for the tests that a doctored line diverges at that line. */
final class DoctoredTraces {
    private DoctoredTraces() {
    }

    /** {@code trace} with line {@code line} (1-based) rewritten by {@code edit}, written to {@code out}. */
    static Path doctor(Path trace, int line, UnaryOperator<String> edit, Path out) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        String original = lines.get(line - 1);
        String doctored = edit.apply(original);
        assertThat(doctored).as("the edit changes line %d", line).isNotEqualTo(original);
        lines.set(line - 1, doctored);
        Files.write(out, lines);
        return out;
    }
}
