package dev.dsverify.runner.report;

import dev.dsverify.runner.TraceState;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a liveness counterexample as a small SVG: the states in a row, an arrow from each to the
 * next, and a curved arrow from the last state back to the state the behaviour repeats from (a lasso). A
 * behaviour that ends by stuttering forever gets a self-loop on its last state instead.
 */
final class LassoDiagram {
    private static final int STEP = 46;
    private static final int R = 14;

    private LassoDiagram() {
    }

    static String svg(List<TraceState> trace, Integer loopsBackTo, boolean stuttering, String anchorPrefix) {
        int n = trace.size();
        // Room on the right for the note above a self-loop on the last state.
        int width = 30 + n * STEP + 90;
        int height = 96;
        int cy = 66;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg class=\"lasso\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                width, height, width, height, stuttering ? "behaviour ends stuttering forever"
                        : "behaviour loops back to state " + (loopsBackTo == null ? "?" : loopsBackTo + 1)));
        sb.append("<defs><marker id=\"").append(anchorPrefix).append("-lasso-arrow\" viewBox=\"0 0 10 10\" "
                + "refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" class=\"lasso-head\"/></marker></defs>");
        for (int i = 0; i < n; i++) {
            int cx = 30 + i * STEP + R;
            if (i + 1 < n) {
                sb.append(String.format(Locale.ROOT,
                        "<line class=\"lasso-step\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" marker-end=\"url(#%s-lasso-arrow)\"/>",
                        cx + R, cy, cx + STEP - R - 2, cy, anchorPrefix));
            }
            boolean inLoop = loopsBackTo != null && i >= loopsBackTo;
            sb.append("<a href=\"#").append(anchorPrefix).append("-s").append(i).append("\">");
            sb.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%d\" cy=\"%d\" r=\"%d\"><title>%s</title></circle>",
                    inLoop ? "lasso-state in-loop" : "lasso-state", cx, cy, R,
                    Html.text("#" + trace.get(i).number() + " " + trace.get(i).label())));
            sb.append(String.format(Locale.ROOT, "<text class=\"lasso-num\" x=\"%d\" y=\"%d\">%d</text></a>",
                    cx, cy + 4, trace.get(i).number()));
        }
        if (n > 0) {
            int lastX = 30 + (n - 1) * STEP + R;
            if (stuttering || (loopsBackTo != null && loopsBackTo == n - 1)) {
                sb.append(String.format(Locale.ROOT,
                        "<path class=\"lasso-back\" d=\"M%d,%d C %d,%d %d,%d %d,%d\" marker-end=\"url(#%s-lasso-arrow)\"/>",
                        lastX - 6, cy - R, lastX - 28, cy - 52, lastX + 28, cy - 52, lastX + 6, cy - R - 1,
                        anchorPrefix));
                sb.append(String.format(Locale.ROOT,
                        "<text class=\"lasso-note\" x=\"%d\" y=\"14\" text-anchor=\"middle\">%s</text>",
                        Math.max(60, lastX), stuttering ? "stutters forever" : "repeats forever"));
            } else if (loopsBackTo != null) {
                int toX = 30 + loopsBackTo * STEP + R;
                sb.append(String.format(Locale.ROOT,
                        "<path class=\"lasso-back\" d=\"M%d,%d C %d,%d %d,%d %d,%d\" marker-end=\"url(#%s-lasso-arrow)\"/>",
                        lastX, cy - R, lastX, cy - 58, toX, cy - 58, toX, cy - R - 1, anchorPrefix));
                sb.append(String.format(Locale.ROOT,
                        "<text class=\"lasso-note\" x=\"%d\" y=\"14\" text-anchor=\"middle\">back to state %d</text>",
                        (lastX + toX) / 2, trace.get(loopsBackTo).number()));
            }
        }
        sb.append("</svg>");
        return sb.toString();
    }

}
