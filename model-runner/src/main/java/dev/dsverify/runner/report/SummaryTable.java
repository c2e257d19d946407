package dev.dsverify.runner.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table of results for consoles and build logs: one row per model, ASCII only. */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static String render(List<ModelReport> reports) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "result", "outcome", "expected", "distinct states", "depth", "time"});
        for (ModelReport r : reports) {
            var st = r.result().stats();
            String outcome = r.outcome().jsonName()
                    + (r.result().violated() == null ? "" : " (" + r.result().violated() + ")");
            rows.add(new String[] {r.name(), r.passed() ? "ok" : "FAIL", outcome, r.expected().toString(),
                    Formats.countAscii(st == null ? -1 : st.distinctStates()),
                    Formats.countAscii(st == null ? -1 : st.depth()),
                    Formats.duration(st == null ? null : st.duration())});
        }
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        boolean[] right = {false, false, false, false, true, true, true};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(right[c] ? pad + row[c] : row[c] + pad);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (i == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                sb.append("-".repeat(total + 2 * (cols - 1))).append('\n');
            }
        }
        long failed = reports.stream().filter(r -> !r.passed()).count();
        sb.append(reports.size()).append(reports.size() == 1 ? " model, " : " models, ")
                .append(reports.size() - failed).append(" as expected, ").append(failed).append(" not\n");
        return sb.toString();
    }
}
