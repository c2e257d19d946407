package dev.dsverify.raft.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Compares a transcript with its golden file and says where they differ, as a unified-diff-like text. */
final class GoldenDiff {
    static final String REWRITE = "dsverify.rewrite";
    private static final int MAX_BLOCKS_SHOWN = 3;

    private GoldenDiff() {}

    /**
     * Runs the transcript {@code file}; with {@code rewrite} stores the actual outputs in it (when they differ)
     * and returns null, else returns what {@link #compare} says.
     */
    static String verify(Path file, boolean rewrite) throws IOException {
        Transcript t = ScriptRunner.run(ScriptFile.read(file));
        if (!rewrite) {
            return compare(t);
        }
        String text = t.text();
        if (!text.equals(Files.readString(file, StandardCharsets.UTF_8))) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        return null;
    }

    /** Null when every block's output equals the golden one, else a message naming the file and lines. */
    static String compare(Transcript t) {
        ScriptFile f = t.script();
        StringBuilder sb = new StringBuilder();
        int differing = 0;
        for (int b = 0; b < f.blocks().size(); b++) {
            ScriptFile.Block block = f.blocks().get(b);
            List<String> actual = t.outputs().get(b);
            if (block.expected().equals(actual)) {
                continue;
            }
            if (++differing > MAX_BLOCKS_SHOWN) {
                continue;
            }
            sb.append(f.name()).append(':').append(block.line()).append(": output of '").append(block.text())
                    .append("' differs from the golden\n");
            sb.append("--- ").append(f.name()).append(" (golden)\n+++ actual\n");
            sb.append(diff(block.expected(), actual, block.firstOutput() + 1));
        }
        if (differing == 0) {
            return null;
        }
        if (differing > MAX_BLOCKS_SHOWN) {
            sb.append("... and ").append(differing - MAX_BLOCKS_SHOWN).append(" more differing blocks\n");
        }
        sb.append("(rerun with -D").append(REWRITE).append("=true to accept the actual output as the new golden)\n");
        return sb.toString();
    }

    /** A longest-common-subsequence diff; {@code firstLine} is the file line of expected.get(0). */
    static String diff(List<String> expected, List<String> actual, int firstLine) {
        int n = expected.size();
        int m = actual.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = expected.get(i).equals(actual.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        int firstChange = -1;
        while (i < n || j < m) {
            if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
                out.add(" " + expected.get(i));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                firstChange = firstChange < 0 ? firstLine + i : firstChange;
                out.add("-" + expected.get(i++));
            } else {
                firstChange = firstChange < 0 ? firstLine + i : firstChange;
                out.add("+" + actual.get(j++));
            }
        }
        return "@@ first difference at golden line " + firstChange + " @@\n" + String.join("\n", out) + "\n";
    }
}
