package dev.dsverify.runner.report;

import dev.dsverify.runner.TraceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link MessageFlow} as an inline SVG message sequence chart: one lifeline per process, one band
 * per trace state (labelled with its number and action, linking to the state's row in the table), and an
 * arrow from sender to receiver in the band of the state where the message first appears. A lasso is drawn
 * as a dashed arrow in the left margin from the last state back to the state the behaviour returns to; a
 * stuttering end as a self-loop on the last state.
 */
final class SequenceDiagram {
    private static final int GUTTER = 230;
    private static final int COLUMN = 150;
    private static final int HEADER = 46;
    private static final int MSG_STEP = 22;
    private static final int MIN_BAND = 30;

    private SequenceDiagram() {
    }

    static String svg(MessageFlow flow, List<TraceState> trace, Integer loopsBackTo, boolean stuttering,
                      String anchorPrefix) {
        List<String> procs = flow.processes();
        Map<String, Integer> col = MessageFlow.lifelineIndex(procs);
        int n = trace.size();
        // Band heights: each band holds its messages stacked, so arrows never overlap.
        int[] count = new int[n];
        for (MessageFlow.Message m : flow.messages()) {
            count[m.state()]++;
        }
        int[] top = new int[n + 1];
        top[0] = HEADER;
        for (int i = 0; i < n; i++) {
            top[i + 1] = top[i] + Math.max(MIN_BAND, 14 + count[i] * MSG_STEP);
        }
        int width = GUTTER + procs.size() * COLUMN + 20;
        int height = top[n] + 16;

        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg class=\"msc\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"message sequence diagram of %s\">",
                width, height, width, height, Html.text(flow.variable())));
        sb.append("<defs><marker id=\"").append(anchorPrefix).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
                + "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" class=\"msc-head\"/></marker></defs>");

        // state bands
        for (int i = 0; i < n; i++) {
            String cls = i % 2 == 0 ? "msc-band" : "msc-band alt";
            if (loopsBackTo != null && i >= loopsBackTo) {
                cls += " loop";
            }
            sb.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
                    cls, top[i], width, top[i + 1] - top[i]));
            TraceState s = trace.get(i);
            String label = "#" + s.number() + " " + s.label();
            sb.append("<a href=\"#").append(anchorPrefix).append("-s").append(i).append("\">");
            sb.append(String.format(Locale.ROOT, "<text class=\"msc-state\" x=\"40\" y=\"%d\">%s</text></a>",
                    top[i] + 19, Html.text(shorten(label, 26))));
        }
        // lifelines
        for (int p = 0; p < procs.size(); p++) {
            int x = GUTTER + p * COLUMN + COLUMN / 2;
            sb.append(String.format(Locale.ROOT,
                    "<line class=\"msc-life\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", x, HEADER - 6, x, top[n]));
            sb.append(String.format(Locale.ROOT,
                    "<rect class=\"msc-proc\" x=\"%d\" y=\"6\" width=\"%d\" height=\"28\" rx=\"5\"/>",
                    x - COLUMN / 2 + 10, COLUMN - 20));
            sb.append(String.format(Locale.ROOT, "<text class=\"msc-proc-name\" x=\"%d\" y=\"25\">%s</text>",
                    x, Html.text(shorten(procs.get(p), 18))));
        }
        // messages
        int[] used = new int[n];
        for (MessageFlow.Message m : flow.messages()) {
            int y = top[m.state()] + 20 + used[m.state()]++ * MSG_STEP;
            int fromX = GUTTER + col.get(m.from()) * COLUMN + COLUMN / 2;
            List<Integer> targets = new ArrayList<>();
            if (m.to() == null) {
                for (int p = 0; p < procs.size(); p++) {
                    if (!procs.get(p).equals(m.from())) {
                        targets.add(p);
                    }
                }
            } else {
                targets.add(col.get(m.to()));
            }
            sb.append("<g class=\"msc-msg\"><title>").append(Html.text(m.text())).append("</title>");
            for (int t : targets) {
                int toX = GUTTER + t * COLUMN + COLUMN / 2;
                String dash = m.to() == null ? " stroke-dasharray=\"4 3\"" : "";
                if (toX == fromX) {
                    sb.append(String.format(Locale.ROOT,
                            "<path class=\"msc-arrow\" d=\"M%d,%d c 40,-12 40,12 2,10\" marker-end=\"url(#%s-arrow)\"%s/>",
                            fromX, y - 6, anchorPrefix, dash));
                } else {
                    sb.append(String.format(Locale.ROOT,
                            "<line class=\"msc-arrow\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" marker-end=\"url(#%s-arrow)\"%s/>",
                            fromX, y - 6, toX + (toX > fromX ? -2 : 2), y + 4, anchorPrefix, dash));
                }
            }
            int labelX = targets.size() == 1
                    ? (fromX + GUTTER + targets.get(0) * COLUMN + COLUMN / 2) / 2
                    : fromX + 6;
            String anchor = targets.size() == 1 ? "middle" : "start";
            sb.append(String.format(Locale.ROOT,
                    "<text class=\"msc-label\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text></g>",
                    labelX, y - 9, anchor, Html.text(shorten(m.label(), 22))));
        }
        // lasso
        if (loopsBackTo != null && n > 0) {
            int yFrom = (top[n - 1] + top[n]) / 2;
            int yTo = (top[loopsBackTo] + top[loopsBackTo + 1]) / 2;
            if (stuttering || loopsBackTo == n - 1) {
                sb.append(String.format(Locale.ROOT,
                        "<path class=\"msc-lasso\" d=\"M30,%d c -26,-18 -26,18 -2,8\" marker-end=\"url(#%s-arrow)\"/>",
                        yFrom - 4, anchorPrefix));
            } else {
                sb.append(String.format(Locale.ROOT,
                        "<path class=\"msc-lasso\" d=\"M32,%d C 6,%d 6,%d 30,%d\" marker-end=\"url(#%s-arrow)\"/>",
                        yFrom, yFrom, yTo, yTo, anchorPrefix));
            }
        } else if (stuttering && n > 0) {
            int y = (top[n - 1] + top[n]) / 2;
            sb.append(String.format(Locale.ROOT,
                    "<path class=\"msc-lasso\" d=\"M30,%d c -26,-18 -26,18 -2,8\" marker-end=\"url(#%s-arrow)\"/>",
                    y - 4, anchorPrefix));
        }
        sb.append("</svg>");
        return sb.toString();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
