package dev.dsverify.runner.pluscal;

/** How a run of TLC's PlusCal translator ended. */
public sealed interface Translation {
    /** The module now holds a translation of its algorithm; {@code changed} says whether the file was rewritten. */
    record Translated(boolean changed) implements Translation {
    }

    /**
     * The translator refused the algorithm.
     *
     * @param message the translator's explanation
     * @param line    1-based line of the error in the module, or 0 when the translator named none
     * @param column  1-based column, or 0
     */
    record Failed(String message, int line, int column) implements Translation {
    }
}
