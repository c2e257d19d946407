package dev.dsverify.maven;

import java.util.List;

/** The summary the replay goal prints: one row per run with its verdict, events and time. */
final class ReplayTable {
    private ReplayTable() {
    }

    static String render(List<ReplayMojo.Outcome> outcomes) {
        String[] head = {"run", "verdict", "events", "time"};
        String[][] rows = new String[outcomes.size()][];
        for (int i = 0; i < outcomes.size(); i++) {
            ReplayMojo.Outcome o = outcomes.get(i);
            String verdict;
            String events;
            if (o.error() != null) {
                verdict = "BAD INPUT";
                events = "-";
            } else if (o.passed()) {
                verdict = "MATCH";
                events = String.valueOf(o.result().events());
            } else {
                verdict = "DIVERGENCE";
                events = o.result().matchedEvents() + " of " + o.result().events();
            }
            rows[i] = new String[] {o.run().name(), verdict, events,
                    String.format("%.2f s", o.elapsed().toNanos() / 1e9)};
        }
        int[] width = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            width[c] = head[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, width);
        sb.append("-".repeat(width[0] + width[1] + width[2] + width[3] + 6)).append('\n');
        for (String[] r : rows) {
            line(sb, r, width);
        }
        long matched = outcomes.stream().filter(ReplayMojo.Outcome::passed).count();
        sb.append(outcomes.size()).append(outcomes.size() == 1 ? " run, " : " runs, ").append(matched)
                .append(" match, ").append(outcomes.size() - matched).append(" not");
        return sb.toString();
    }

    /** Names and verdicts left-aligned, numbers right-aligned. */
    private static void line(StringBuilder sb, String[] cells, int[] width) {
        sb.append(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %" + width[2] + "s  %" + width[3] + "s",
                cells[0], cells[1], cells[2], cells[3])).append('\n');
    }
}
