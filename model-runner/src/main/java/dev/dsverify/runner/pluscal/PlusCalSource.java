package dev.dsverify.runner.pluscal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a module's text says about PlusCal: where its algorithm starts and where its translation is.
 * pcal.trans finds an algorithm by {@code --algorithm} or {@code --fair algorithm} and writes the translation
 * between {@code \* BEGIN TRANSLATION} and {@code \* END TRANSLATION}; a translation written with checksums
 * carries {@code (chksum(pcal) = "..." /\ chksum(tla) = "...")} on its BEGIN line, which SANY compares.
 *
 * @param algorithmLine   1-based line of the algorithm's start, or 0 when the module has none
 * @param translationLine 1-based line of {@code \* BEGIN TRANSLATION}, or 0 when there is none
 * @param checksums       whether the BEGIN TRANSLATION line carries checksums SANY can verify
 */
public record PlusCalSource(int algorithmLine, int translationLine, boolean checksums) {
    private static final Pattern ALGORITHM = Pattern.compile("--(fair\\s+)?algorithm\\b");
    private static final Pattern BEGIN = Pattern.compile("^\\s*\\\\\\*\\s*BEGIN TRANSLATION\\b");
    private static final Pattern CHECKSUMS = Pattern.compile("chksum\\(pcal\\)\\s*=\\s*\"[0-9A-Fa-f]+\"");

    public static PlusCalSource of(List<String> lines) {
        int algorithm = 0;
        int translation = 0;
        boolean checksums = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (algorithm == 0 && ALGORITHM.matcher(line).find()) {
                algorithm = i + 1;
            }
            if (translation == 0 && BEGIN.matcher(line).find()) {
                translation = i + 1;
                checksums = CHECKSUMS.matcher(line).find();
            }
        }
        return new PlusCalSource(algorithm, translation, checksums);
    }

    public boolean hasAlgorithm() {
        return algorithmLine > 0;
    }

    /** An algorithm with nothing translated: there is no TLA+ for TLC to check. */
    public boolean untranslated() {
        return hasAlgorithm() && translationLine == 0;
    }
}
