package dev.dsverify.runner.report;

import dev.dsverify.runner.TraceState;
import java.util.List;

/**
 * A counterexample as plain text for a terminal or a build log: the first state whole, then for each step
 * its action and what it changed ({@link StepChanges}), long values continued on indented lines, never cut.
 */
public final class TraceChanges {
    private TraceChanges() {
    }

    public static String render(List<TraceState> trace, int width) {
        StringBuilder sb = new StringBuilder();
        if (trace.isEmpty()) {
            return "";
        }
        int nameWidth = trace.get(0).vars().keySet().stream().mapToInt(String::length).max().orElse(1);
        for (int i = 0; i < trace.size(); i++) {
            TraceState s = trace.get(i);
            sb.append("State ").append(i + 1).append(": ").append(label(s)).append('\n');
            if (i == 0) {
                s.vars().forEach((name, value) -> wrap(sb, "    " + name + " ".repeat(nameWidth - name.length())
                        + " = ", value.toTla(), width));
                continue;
            }
            List<StepChanges.Change> changes = StepChanges.between(trace.get(i - 1), s);
            if (changes.isEmpty()) {
                sb.append("    (nothing changed)\n");
            }
            for (StepChanges.Change c : changes) {
                wrap(sb, "  * ", c.toString(), width);
            }
        }
        return sb.toString();
    }

    /** The step's action with where it is defined, {@code Module.tla:line}. */
    public static String label(TraceState s) {
        if (s.location() == null) {
            return s.label();
        }
        return s.label() + " (" + s.location().module() + ".tla:" + s.location().line() + ")";
    }

    /**
     * Appends {@code prefix + text}, continuing long text on indented lines instead of cutting it; lines break
     * after a space or comma where there is one.
     */
    static void wrap(StringBuilder sb, String prefix, String text, int maxWidth) {
        String rest = text.replace('\n', ' ').replaceAll("\\s+", " ");
        int width = Math.max(20, maxWidth - prefix.length());
        String lead = prefix;
        while (rest.length() > width) {
            int cut = width;
            for (int i = width; i > width / 2; i--) {
                char c = rest.charAt(i - 1);
                if (c == ' ' || c == ',') {
                    cut = i;
                    break;
                }
            }
            sb.append(lead).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut).stripLeading();
            lead = " ".repeat(prefix.length());
        }
        sb.append(lead).append(rest).append('\n');
    }
}
