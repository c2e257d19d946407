package dev.dsverify.cli;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.report.TraceChanges;
import dev.dsverify.runner.value.TlaValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Prints a counterexample as a table: one row per state, one column per variable, when the values fit side
 * by side; otherwise one block per state with a variable per line. A value that changed in a step is marked
 * with {@code *}; values too long even for that are cut at the end, keeping the closing bracket.
 */
final class TraceTable {
    static final int MAX_WIDTH = 120;
    static final int MIN_CELL = 12;
    static final int MAX_CELL = 40;

    private TraceTable() {
    }

    static String render(ModelCheckResult r) {
        return render(r, false);
    }

    /**
     * The counterexample as text. States too wide for a table are listed one per block: with {@code full},
     * every variable of every state; otherwise the first state whole and, for each later state, only what
     * its step changed, never cut.
     */
    static String render(ModelCheckResult r, boolean full) {
        List<TraceState> trace = r.trace();
        if (trace.isEmpty()) {
            return "";
        }
        Set<String> vars = new LinkedHashSet<>();
        trace.forEach(s -> vars.addAll(s.vars().keySet()));
        List<String> header = new ArrayList<>(List.of("#", "action"));
        header.addAll(vars);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            TraceState s = trace.get(i);
            TraceState prev = i == 0 ? null : trace.get(i - 1);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(i + 1));
            row.add(action(s));
            for (String v : vars) {
                TlaValue value = s.vars().get(v);
                boolean changed = prev != null && !Objects.equals(value, prev.vars().get(v));
                row.add((value == null ? "-" : value.toTla()) + (changed ? " *" : ""));
            }
            rows.add(row);
        }
        int actionWidth = Math.min(30, rows.stream().mapToInt(row -> row.get(1).length()).max().orElse(6));
        int fixed = 4 + actionWidth + 2;
        int cell = Math.max(MIN_CELL, Math.min(MAX_CELL, (MAX_WIDTH - fixed) / Math.max(1, vars.size()) - 2));
        int widest = rows.stream().flatMap(row -> row.subList(2, row.size()).stream()).mapToInt(String::length)
                .max().orElse(0);
        if (widest > cell) {
            // Values would be cut too much side by side: list each state's variables one per line instead.
            return full ? vertical(r, rows, List.copyOf(vars)) : changesOnly(r);
        }
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            int limit = c == 0 ? 4 : c == 1 ? actionWidth : cell;
            int w = header.get(c).length();
            for (List<String> row : rows) {
                w = Math.max(w, Math.min(limit, row.get(c).length()));
            }
            widths[c] = Math.min(w, Math.max(limit, header.get(c).length()));
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        sb.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> row : rows) {
            line(sb, row, widths);
        }
        appendEnding(sb, r);
        return sb.toString();
    }

    /** The first state whole, then each step's changes: what a reader of a wide trace needs. */
    private static String changesOnly(ModelCheckResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("  (each step shows only what it changed; --full prints every variable of every state)\n");
        sb.append(TraceChanges.render(r.trace(), MAX_WIDTH));
        appendEnding(sb, r);
        return sb.toString();
    }

    private static String vertical(ModelCheckResult r, List<List<String>> rows, List<String> vars) {
        int nameWidth = vars.stream().mapToInt(String::length).max().orElse(1);
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            sb.append("State ").append(row.get(0)).append(": ").append(row.get(1)).append('\n');
            for (int v = 0; v < vars.size(); v++) {
                String cell = row.get(v + 2).replace('\n', ' ').replaceAll("\\s+", " ");
                boolean changed = cell.endsWith(" *");
                String value = changed ? cell.substring(0, cell.length() - 2) : cell;
                sb.append(changed ? "  * " : "    ").append(vars.get(v))
                        .append(" ".repeat(nameWidth - vars.get(v).length())).append(" = ")
                        .append(value).append('\n');
            }
        }
        appendEnding(sb, r);
        return sb.toString();
    }

    /** Cuts a long value at the end, keeping its closing bracket: {@code [a |-> 1, b |-> …]}. */
    static String shorten(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        char last = text.charAt(text.length() - 1);
        String close = "]})>\"".indexOf(last) >= 0 ? String.valueOf(last) : "";
        return text.substring(0, width - 1 - close.length()) + "…" + close;
    }

    private static void appendEnding(StringBuilder sb, ModelCheckResult r) {
        if (r.loopsBackTo() != null) {
            sb.append("  -> loops back to state ").append(r.loopsBackTo() + 1).append(" (this cycle repeats forever)\n");
        } else if (r.stuttering()) {
            sb.append("  -> then stutters forever (no further step is taken)\n");
        }
        sb.append("  (* = changed by this step)\n");
    }

    private static String action(TraceState s) {
        return TraceChanges.label(s);
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String text = abbreviate(cells.get(c).replace('\n', ' ').replaceAll("\\s+", " "), widths[c]);
            l.append(text).append(" ".repeat(widths[c] - text.length())).append("  ");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** Shortens to {@code width} characters keeping the start and the end: {@code [a |-> 1, b…"s"]}. */
    static String abbreviate(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        boolean marked = text.endsWith(" *");
        String core = marked ? text.substring(0, text.length() - 2) : text;
        int room = width - (marked ? 2 : 0) - 1;
        int tail = Math.min(room / 3, 8);
        int head = room - tail;
        return core.substring(0, head) + "…" + core.substring(core.length() - tail) + (marked ? " *" : "");
    }
}
