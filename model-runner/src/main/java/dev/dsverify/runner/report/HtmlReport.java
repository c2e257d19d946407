package dev.dsverify.runner.report;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.TlcWarning;
import dev.dsverify.runner.SourceRange;
import dev.dsverify.runner.Stats;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaFunction;
import dev.dsverify.runner.value.TlaRecord;
import dev.dsverify.runner.value.TlaSet;
import dev.dsverify.runner.value.TlaValue;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One self-contained HTML page for a set of model checks: a summary table, then for each model that failed
 * or produced a counterexample its trace as a table of states (changed values highlighted, long values
 * collapsible), a message sequence diagram when the spec models a network, and the lasso of a liveness
 * counterexample. CSS and the little JavaScript it has are inline; the page loads nothing from anywhere,
 * so it can be archived by CI and opened offline. Every string from specs and TLC is escaped.
 */
public final class HtmlReport {
    private static final int VALUE_WIDTH = 64;
    private static final int COLLAPSE_LINES = 14;
    /** A one-line value or change longer than this folds to its head and tail. */
    private static final int LONG_CHARS = 240;

    private final String title;
    private final List<MessageHint> hints;
    private final ValuePrinter printer = new ValuePrinter(VALUE_WIDTH);

    public HtmlReport(String title, List<MessageHint> hints) {
        this.title = Objects.requireNonNull(title, "title");
        this.hints = List.copyOf(hints);
    }

    public HtmlReport() {
        this("dsverify model checks", List.of());
    }

    public void write(Path file, List<ModelReport> reports, Instant generatedAt) {
        AtomicFiles.writeString(file, render(reports, generatedAt));
    }

    public String render(List<ModelReport> reports, Instant generatedAt) {
        long passed = reports.stream().filter(ModelReport::passed).count();
        long failed = reports.size() - passed;
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.text(title)).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<header><h1>").append(Html.text(title)).append("</h1>\n<p class=\"totals\">");
        sb.append("<span class=\"pill ").append(failed == 0 ? "ok" : "bad").append("\">")
                .append(failed == 0 ? "all as expected" : failed + " unexpected").append("</span> ");
        sb.append(reports.size()).append(reports.size() == 1 ? " model" : " models").append(", ")
                .append(passed).append(" as expected, ").append(failed).append(" not");
        sb.append(" &middot; generated ")
                .append(Html.text(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        generatedAt.atOffset(ZoneOffset.UTC).withNano(0)))).append(" UTC</p></header>\n<main>\n");
        summary(sb, reports);
        warnings(sb, reports);
        for (int i = 0; i < reports.size(); i++) {
            ModelReport r = reports.get(i);
            if (hasDetails(r)) {
                details(sb, r, "m" + i);
            }
        }
        sb.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static boolean hasDetails(ModelReport r) {
        return !r.passed() || !r.result().trace().isEmpty() || r.result().outcome() != Outcome.SUCCESS;
    }

    private void summary(StringBuilder sb, List<ModelReport> reports) {
        sb.append("<section class=\"card\"><h2>Summary</h2>\n<div class=\"scroll\"><table class=\"summary\">\n")
                .append("<thead><tr><th>Model</th><th>Result</th><th>Outcome</th><th>Expected</th>")
                .append("<th class=\"num\">Distinct states</th><th class=\"num\">Depth</th>")
                .append("<th class=\"num\">Time</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < reports.size(); i++) {
            ModelReport r = reports.get(i);
            ModelCheckResult res = r.result();
            Stats st = res.stats();
            sb.append("<tr class=\"").append(r.passed() ? "pass" : "fail").append("\"><td class=\"model\">");
            if (hasDetails(r)) {
                sb.append("<a href=\"#m").append(i).append("\">").append(Html.text(r.name())).append("</a>");
            } else {
                sb.append(Html.text(r.name()));
            }
            sb.append("</td><td><span class=\"pill ").append(r.passed() ? "ok\">pass" : "bad\">FAIL")
                    .append("</span></td><td>").append(outcomeBadge(res.outcome()));
            if (res.violated() != null) {
                sb.append(" <code>").append(Html.text(res.violated())).append("</code>");
            }
            sb.append("</td><td>").append(Html.text(r.expected().toString())).append("</td>");
            sb.append("<td class=\"num\">").append(Formats.count(st == null ? -1 : st.distinctStates()))
                    .append("</td><td class=\"num\">").append(Formats.count(st == null ? -1 : st.depth()))
                    .append("</td><td class=\"num\">").append(Html.text(Formats.duration(st == null ? null : st.duration())))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody></table></div></section>\n");
    }

    /** Every warning TLC and SANY printed, per model: a warning often means a check covered less than it seems. */
    private static void warnings(StringBuilder sb, List<ModelReport> reports) {
        long count = reports.stream().mapToLong(r -> r.result().warnings().size()).sum();
        if (count == 0) {
            return;
        }
        sb.append("<section class=\"card\" id=\"warnings\"><h2>Warnings from TLC <span class=\"outcome o-err\">")
                .append(count).append("</span></h2>\n<div class=\"scroll\"><table class=\"summary warnings\">\n")
                .append("<thead><tr><th>Model</th><th>From</th><th>Warning</th></tr></thead>\n<tbody>\n");
        for (ModelReport r : reports) {
            for (TlcWarning w : r.result().warnings()) {
                sb.append("<tr><td class=\"model\">").append(Html.text(r.name())).append("</td><td class=\"model\">")
                        .append(Html.text(w.source())).append("</td><td><pre class=\"warning\">")
                        .append(Html.text(w.text())).append("</pre></td></tr>\n");
            }
        }
        sb.append("</tbody></table></div></section>\n");
    }

    private static String outcomeBadge(Outcome o) {
        String cls = o == Outcome.SUCCESS ? "o-ok" : o.isViolation() ? "o-viol" : "o-err";
        return "<span class=\"outcome " + cls + "\">" + o.jsonName() + "</span>";
    }

    private void details(StringBuilder sb, ModelReport r, String id) {
        ModelCheckResult res = r.result();
        sb.append("<section class=\"card model ").append(r.passed() ? "pass" : "fail").append("\" id=\"")
                .append(id).append("\">\n<h2>").append(Html.text(r.name())).append(' ')
                .append(outcomeBadge(res.outcome())).append(" <span class=\"pill ")
                .append(r.passed() ? "ok\">as expected" : "bad\">unexpected").append("</span></h2>\n");
        sb.append("<p class=\"what\">").append(Html.text(capitalise(r.describe()))).append("</p>\n");
        if (res.message() != null && !res.message().isBlank()) {
            sb.append("<pre class=\"message\">").append(Html.text(res.message().strip())).append("</pre>\n");
        }
        if (res.errorPosition() != null) {
            sb.append("<p class=\"where\">at <code>").append(Html.text(res.errorPosition().toString()))
                    .append("</code></p>\n");
        }
        String again = Reproduction.describe(res);
        if (again != null) {
            sb.append("<p class=\"where\">TLC ran with <code>").append(Html.text(again))
                    .append("</code>; the same gives the same counterexample</p>\n");
        }
        List<TraceState> trace = res.trace();
        if (!trace.isEmpty()) {
            Integer loop = loopIndex(res);
            boolean lasso = loop != null || res.stuttering();
            sb.append("<div class=\"toolbar\"><span class=\"trace-len\">")
                    .append(trace.size()).append(trace.size() == 1 ? " state" : " states");
            if (lasso) {
                sb.append(res.stuttering() ? ", then stuttering forever" : ", then back to state "
                        + trace.get(loop).number() + " forever");
            }
            sb.append("</span><label><input type=\"checkbox\" data-only-changed=\"").append(id)
                    .append("\"> only changed values</label>");
            if (anyFolds(trace)) {
                sb.append("<button type=\"button\" data-open=\"").append(id)
                        .append("\">expand all</button><button type=\"button\" data-close=\"").append(id)
                        .append("\">collapse all</button>");
            }
            sb.append("</div>\n");
            if (lasso) {
                sb.append("<h3>Shape of the behaviour</h3>\n<div class=\"scroll\">")
                        .append(LassoDiagram.svg(trace, loop, res.stuttering(), id)).append("</div>\n");
            }
            Optional<MessageFlow> flow = MessageFlow.detect(trace, hintFor(trace));
            if (flow.isPresent()) {
                sb.append("<h3>Messages (variable <code>").append(Html.text(flow.get().variable()))
                        .append("</code>)</h3>\n<div class=\"scroll\">")
                        .append(SequenceDiagram.svg(flow.get(), trace, loop, res.stuttering(), id))
                        .append("</div>\n");
            }
            sb.append("<h3>States</h3>\n");
            traceTable(sb, res, id);
            ProcessPivot.of(trace).ifPresent(p -> pivotTable(sb, res, p, id));
        }
        sb.append("</section>\n");
    }

    private MessageHint hintFor(List<TraceState> trace) {
        for (MessageHint h : hints) {
            if (trace.stream().anyMatch(s -> s.vars().containsKey(h.variable()))) {
                return h;
            }
        }
        return null;
    }

    private void traceTable(StringBuilder sb, ModelCheckResult res, String id) {
        List<TraceState> trace = res.trace();
        Set<String> vars = new LinkedHashSet<>();
        trace.forEach(s -> vars.addAll(s.vars().keySet()));
        Set<String> changing = new LinkedHashSet<>();
        for (int i = 1; i < trace.size(); i++) {
            changing.addAll(StepChanges.changedVariables(trace.get(i - 1), trace.get(i)));
        }
        sb.append("<div class=\"scroll\"><table class=\"trace\" id=\"").append(id).append("-trace\">\n<thead><tr>")
                .append("<th class=\"num\">#</th><th class=\"action\">Action</th><th class=\"chg\">What changed</th>");
        for (String v : vars) {
            sb.append("<th").append(changing.contains(v) ? "" : " class=\"static\"").append(">")
                    .append(Html.text(v)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        Integer loop = loopIndex(res);
        for (int i = 0; i < trace.size(); i++) {
            TraceState s = trace.get(i);
            TraceState prev = i == 0 ? null : trace.get(i - 1);
            boolean last = i == trace.size() - 1;
            String cls = "state";
            if (loop != null && i >= loop) {
                cls += " in-loop";
            }
            if (last && res.outcome().isViolation() && loop == null && !res.stuttering()) {
                cls += " bad-state";
            }
            sb.append("<tr class=\"").append(cls).append("\" id=\"").append(id).append("-s").append(i)
                    .append("\"><td class=\"num\">").append(s.number()).append("</td><td class=\"action\">");
            sb.append("<div class=\"act\">").append(Html.text(s.label())).append("</div>");
            if (s.location() != null) {
                sb.append("<div class=\"loc\">").append(Html.text(location(s.location()))).append("</div>");
            }
            if (loop != null && i == loop) {
                sb.append("<div class=\"marker loop\">&#x27F2; loop starts here</div>");
            }
            if (last && loop != null) {
                sb.append("<div class=\"marker loop\">&#x21A9; back to state ").append(trace.get(loop).number())
                        .append("</div>");
            }
            if (last && res.stuttering()) {
                sb.append("<div class=\"marker loop\">&#x27F3; stutters forever</div>");
            }
            if (cls.contains("bad-state") && res.violated() != null) {
                sb.append("<div class=\"marker bad\">&#x2717; violates ").append(Html.text(res.violated()))
                        .append("</div>");
            }
            sb.append("</td><td class=\"chg\">");
            changesCell(sb, prev, s);
            sb.append("</td>");
            for (String v : vars) {
                TlaValue now = s.vars().get(v);
                TlaValue before = prev == null ? null : prev.vars().get(v);
                boolean changed = prev != null && !Objects.equals(now, before);
                sb.append("<td class=\"").append(prev == null ? "init" : changed ? "changed" : "same")
                        .append(changing.contains(v) ? "" : " static").append("\">");
                if (now != null) {
                    valueCell(sb, now, changed ? before : null);
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        if (res.stuttering()) {
            sb.append("<tr class=\"stutter\"><td></td><td colspan=\"").append(vars.size() + 2)
                    .append("\">&#x27F3; Stuttering: from here on no variable changes.</td></tr>\n");
        }
        sb.append("</tbody></table></div>\n");
    }

    /** One line per change of the step, at the place it happened; long ones fold. */
    private static void changesCell(StringBuilder sb, TraceState prev, TraceState s) {
        if (prev == null) {
            sb.append("<span class=\"muted\">initial state</span>");
            return;
        }
        List<StepChanges.Change> changes = StepChanges.between(prev, s);
        if (changes.isEmpty()) {
            sb.append("<span class=\"muted\">nothing changed</span>");
        }
        for (StepChanges.Change c : changes) {
            String text = c.toString();
            String cls = c.what().startsWith("+ ") ? "c add" : c.what().startsWith("- ") ? "c del" : "c";
            if (text.length() > LONG_CHARS) {
                sb.append("<details class=\"long ").append(cls).append("\"><summary><code>")
                        .append(Html.text(text.substring(0, 90))).append(" &hellip; ")
                        .append(Html.text(text.substring(text.length() - 30))).append("</code> <span class=\"lines\">")
                        .append(text.length()).append(" chars</span></summary><code>").append(Html.text(text))
                        .append("</code></details>");
            } else {
                sb.append("<div class=\"").append(cls).append("\"><code>").append(Html.text(text)).append("</code></div>");
            }
        }
    }

    /** Whether any value or change of the trace is long enough to fold (only then fold controls are shown). */
    private boolean anyFolds(List<TraceState> trace) {
        for (int i = 0; i < trace.size(); i++) {
            for (TlaValue v : trace.get(i).vars().values()) {
                String printed = printer.print(v);
                if (printed.chars().filter(c -> c == '\n').count() + 1 > COLLAPSE_LINES
                        || printed.length() > LONG_CHARS) {
                    return true;
                }
            }
            if (i > 0 && StepChanges.between(trace.get(i - 1), trace.get(i)).stream()
                    .anyMatch(c -> c.toString().length() > LONG_CHARS)) {
                return true;
            }
        }
        return false;
    }

    /** The functions over one set of processes, one row per process and state. */
    private void pivotTable(StringBuilder sb, ModelCheckResult res, ProcessPivot p, String id) {
        List<TraceState> trace = res.trace();
        sb.append("<details class=\"pivot\"><summary>By process: one row per element of <code>")
                .append(Html.text(String.join(", ", p.processes()))).append("</code> for <code>")
                .append(Html.text(String.join(", ", p.variables()))).append("</code></summary>\n")
                .append("<div class=\"scroll\"><table class=\"trace pivot\" id=\"").append(id)
                .append("-pivot\">\n<thead><tr><th class=\"num\">#</th><th class=\"action\">Action</th><th>process</th>");
        for (String v : p.variables()) {
            sb.append("<th>").append(Html.text(v)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < trace.size(); i++) {
            TraceState s = trace.get(i);
            TraceState prev = i == 0 ? null : trace.get(i - 1);
            for (int r = 0; r < p.processes().size(); r++) {
                String proc = p.processes().get(r);
                sb.append("<tr class=\"pstate").append(r == 0 ? " first" : "").append("\">");
                if (r == 0) {
                    sb.append("<td class=\"num\" rowspan=\"").append(p.processes().size()).append("\">")
                            .append(s.number()).append("</td><td class=\"action\" rowspan=\"")
                            .append(p.processes().size()).append("\"><div class=\"act\">")
                            .append(Html.text(s.label())).append("</div></td>");
                }
                sb.append("<td class=\"proc\">").append(Html.text(proc)).append("</td>");
                for (String v : p.variables()) {
                    TlaValue now = p.at(s, v, proc);
                    TlaValue before = prev == null ? null : p.at(prev, v, proc);
                    boolean changed = prev != null && !Objects.equals(now, before);
                    sb.append("<td class=\"").append(prev == null ? "init" : changed ? "changed" : "same").append("\">");
                    if (now != null) {
                        valueCell(sb, now, changed ? before : null);
                    }
                    sb.append("</td>");
                }
                sb.append("</tr>\n");
            }
        }
        sb.append("</tbody></table></div></details>\n");
    }

    /** The lasso's loop index, or null when there is none or it does not point into the trace. */
    static Integer loopIndex(ModelCheckResult r) {
        Integer i = r.loopsBackTo();
        return i != null && i >= 0 && i < r.trace().size() ? i : null;
    }

    private static String location(SourceRange r) {
        return r.toString();
    }

    /** A value, pretty-printed; entries of records, functions and sets that changed since {@code before}
     *  are highlighted, and long values fold into a details element. */
    private void valueCell(StringBuilder sb, TlaValue now, TlaValue before) {
        String printed = printer.print(now);
        String body;
        if (before != null && sameContainerKind(now, before)) {
            body = printed.indexOf('\n') >= 0 ? entryDiff(now, before) : inlineDiff(now, before);
        } else {
            body = Html.text(printed);
        }
        int lines = (int) printed.chars().filter(c -> c == '\n').count() + 1;
        if (lines > COLLAPSE_LINES) {
            String first = printed.substring(0, printed.indexOf('\n'));
            sb.append("<details class=\"long\"><summary><code>").append(Html.text(first)).append(" &hellip;</code> ")
                    .append("<span class=\"lines\">").append(lines).append(" lines</span></summary><pre class=\"v\">")
                    .append(body).append("</pre></details>");
        } else if (printed.length() > LONG_CHARS) {
            sb.append("<details class=\"long\"><summary><code>").append(Html.text(printed.substring(0, 60)))
                    .append(" &hellip; ").append(Html.text(printed.substring(printed.length() - 20)))
                    .append("</code> <span class=\"lines\">").append(printed.length())
                    .append(" chars</span></summary><pre class=\"v\">").append(body).append("</pre></details>");
        } else {
            sb.append("<pre class=\"v\">").append(body).append("</pre>");
        }
    }

    private static boolean sameContainerKind(TlaValue a, TlaValue b) {
        return (a instanceof TlaRecord && b instanceof TlaRecord)
                || (a instanceof TlaFunction && b instanceof TlaFunction)
                || (a instanceof TlaSet && b instanceof TlaSet);
    }

    private String entryDiff(TlaValue now, TlaValue before) {
        StringBuilder sb = new StringBuilder();
        if (now instanceof TlaSet set) {
            Set<TlaValue> old = new HashSet<>(((TlaSet) before).elements());
            sb.append("{\n");
            List<TlaValue> els = set.elements();
            for (int i = 0; i < els.size(); i++) {
                String text = indent(printer.print(els.get(i))) + (i + 1 < els.size() ? "," : "");
                entryLine(sb, text, !old.contains(els.get(i)));
            }
            long removed = ((TlaSet) before).elements().stream().filter(e -> !set.elements().contains(e)).count();
            sb.append('}');
            if (removed > 0) {
                sb.append("  <span class=\"removed\">").append(removed).append(" removed</span>");
            }
            return sb.toString();
        }
        List<ValuePrinter.Entry> entries = printer.entries(now);
        List<ValuePrinter.Entry> old = printer.entries(before);
        List<String> oldTexts = new ArrayList<>();
        old.forEach(e -> oldTexts.add(e.key() + "\u0000" + e.text()));
        boolean record = now instanceof TlaRecord;
        sb.append(record ? "[\n" : "(\n");
        for (int i = 0; i < entries.size(); i++) {
            ValuePrinter.Entry e = entries.get(i);
            String sep = i + 1 < entries.size() ? (record ? "," : " @@") : "";
            entryLine(sb, indent(e.text()) + sep, !oldTexts.contains(e.key() + "\u0000" + e.text()));
        }
        sb.append(record ? "]" : ")");
        return sb.toString();
    }

    /** A one-line record, function or set with the entries that changed since {@code before} marked. */
    private static String inlineDiff(TlaValue now, TlaValue before) {
        List<String> parts = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        String open;
        String close;
        String sep;
        if (now instanceof TlaSet set) {
            Set<TlaValue> old = new HashSet<>(((TlaSet) before).elements());
            set.elements().forEach(e -> {
                parts.add(e.toTla());
                changed.add(!old.contains(e));
            });
            open = "{";
            close = "}";
            sep = ", ";
        } else if (now instanceof TlaRecord r) {
            var old = ((TlaRecord) before).fields();
            r.fields().forEach((k, v) -> {
                parts.add(k + " |-> " + v.toTla());
                changed.add(!v.equals(old.get(k)));
            });
            open = "[";
            close = "]";
            sep = ", ";
        } else {
            var old = new HashSet<>(((TlaFunction) before).mappings());
            for (TlaFunction.Mapping m : ((TlaFunction) now).mappings()) {
                parts.add(m.key().toTla() + " :> " + m.value().toTla());
                changed.add(!old.contains(m));
            }
            if (parts.isEmpty()) {
                return Html.text(now.toTla());
            }
            open = "(";
            close = ")";
            sep = " @@ ";
        }
        StringBuilder sb = new StringBuilder(Html.text(open));
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(Html.text(sep));
            }
            if (changed.get(i)) {
                sb.append("<span class=\"delta\">").append(Html.text(parts.get(i))).append("</span>");
            } else {
                sb.append(Html.text(parts.get(i)));
            }
        }
        return sb.append(Html.text(close)).toString();
    }

    private static void entryLine(StringBuilder sb, String text, boolean changed) {
        if (changed) {
            sb.append("<span class=\"delta\">").append(Html.text(text)).append("</span>\n");
        } else {
            sb.append(Html.text(text)).append('\n');
        }
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final String CSS = """
            :root { --fg:#1d2330; --muted:#5f6b7a; --line:#d9dee5; --bg:#f5f7fa; --card:#fff;
                    --ok:#1a7f37; --okbg:#dcf5e3; --bad:#c62828; --badbg:#fde2e1; --warn:#9a6700; --warnbg:#fff4ce;
                    --delta:#fff1a8; --loop:#eef2ff; --accent:#3056d3; }
            * { box-sizing: border-box; }
            body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
                   color:var(--fg); background:var(--bg); }
            header { background:#1f2937; color:#fff; padding:18px 28px; }
            header h1 { margin:0 0 4px; font-size:22px; font-weight:600; }
            header .totals { margin:0; color:#d1d5db; }
            main { padding:20px 28px 60px; max-width:1800px; }
            .card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:16px 20px;
                    margin:0 0 20px; box-shadow:0 1px 2px rgba(0,0,0,.04); }
            .card.fail { border-left:5px solid var(--bad); }
            .card.model.pass { border-left:5px solid var(--ok); }
            h2 { font-size:18px; margin:0 0 10px; } h3 { font-size:15px; margin:18px 0 8px; color:var(--muted); }
            table { border-collapse:collapse; }
            .summary { width:100%; }
            .summary th, .summary td { padding:7px 12px; border-bottom:1px solid var(--line); text-align:left; }
            .summary td.model, .summary td.num, .summary th { white-space:nowrap; }
            .summary th { font-size:12px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
            .summary tr.fail td.model a { color:var(--bad); font-weight:600; }
            .num { text-align:right !important; font-variant-numeric:tabular-nums; }
            a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
            code, pre { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace; font-size:12.5px; }
            .pill { display:inline-block; padding:1px 9px; border-radius:10px; font-size:12px; font-weight:600; }
            .pill.ok { color:var(--ok); background:var(--okbg); } .pill.bad { color:var(--bad); background:var(--badbg); }
            header .pill.ok { background:#166534; color:#dcfce7; } header .pill.bad { background:#991b1b; color:#fee2e2; }
            .outcome { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; padding:1px 6px; border-radius:4px; }
            .o-ok { background:var(--okbg); color:var(--ok); } .o-viol { background:var(--badbg); color:var(--bad); }
            .o-err { background:var(--warnbg); color:var(--warn); }
            .what { font-size:15px; margin:4px 0 8px; }
            pre.warning { margin:0; white-space:pre-wrap; }
            pre.message { background:#fafafa; border:1px solid var(--line); border-radius:6px; padding:10px 12px;
                          white-space:pre-wrap; max-height:320px; overflow:auto; }
            .toolbar { display:flex; gap:14px; align-items:center; margin:10px 0; color:var(--muted); flex-wrap:wrap; }
            .toolbar button { font:inherit; font-size:12px; padding:3px 10px; border:1px solid var(--line);
                              background:#fff; border-radius:5px; cursor:pointer; }
            .scroll { overflow-x:auto; }
            table.trace { font-size:12.5px; }
            table.trace th { position:sticky; top:0; background:#eef1f5; padding:6px 10px; text-align:left;
                             border:1px solid var(--line); font-family:ui-monospace,Menlo,Consolas,monospace; }
            table.trace td { border:1px solid var(--line); padding:4px 8px; vertical-align:top; }
            table.trace tr.in-loop td { background:var(--loop); }
            table.trace tr.bad-state td { background:#fff6f6; }
            table.trace td.changed { background:#fffbe0 !important; }
            table.trace td.action, table.trace th.action { min-width:170px; max-width:260px; position:sticky; left:42px;
                             z-index:1; background:#fff; }
            table.trace td.num, table.trace th.num { position:sticky; left:0; z-index:1; background:#fff; min-width:26px; }
            table.trace th.num, table.trace th.action { z-index:2; background:#eef1f5; }
            table.trace td.chg { min-width:220px; max-width:420px; }
            table.trace td.chg .c code { white-space:pre-wrap; word-break:break-word; }
            table.trace td.chg .add code { color:#166534; } table.trace td.chg .del code { color:#991b1b; }
            table.pivot tr.first td { border-top:2px solid #9aa5b4; } table.pivot td.proc { font-weight:600; }
            details.pivot > summary { cursor:pointer; color:var(--muted); margin:10px 0; }
            .muted { color:var(--muted); }
            .only-changed .static { display:none; }
            .act { font-weight:600; } .loc { color:var(--muted); font-size:11.5px; font-family:ui-monospace,Menlo,Consolas,monospace; }
            pre.v { margin:0; white-space:pre; }
            .delta { background:var(--delta); border-radius:2px; }
            .removed { color:var(--bad); font-size:11px; }
            .marker { margin-top:4px; font-size:11.5px; font-weight:600; }
            .marker.loop { color:var(--accent); } .marker.bad { color:var(--bad); }
            tr.stutter td { color:var(--accent); font-style:italic; background:var(--loop); }
            details.long summary { cursor:pointer; color:var(--muted); }
            details.long summary code { color:var(--fg); }
            .lines { font-size:11px; }
            .only-changed td.same > * { display:none; }
            .only-changed td.same::after { content:"\\2033"; color:#b0b7c3; }
            svg text { font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif; }
            .msc-band { fill:#fff; } .msc-band.alt { fill:#f7f9fc; } .msc-band.loop { fill:var(--loop); }
            .msc-state { font-size:12px; fill:var(--fg); }
            .msc-life { stroke:#9aa5b4; stroke-dasharray:3 4; }
            .msc-proc { fill:#1f2937; } .msc-proc-name { fill:#fff; font-size:13px; font-weight:600; text-anchor:middle; }
            .msc-arrow { stroke:var(--accent); stroke-width:1.6; fill:none; }
            .msc-head, .lasso-head { fill:var(--accent); }
            .msc-label { font-size:11.5px; fill:#1e3a8a; paint-order:stroke; stroke:#fff; stroke-width:3px; }
            .msc-msg:hover .msc-arrow { stroke:#e11d48; stroke-width:2.4; }
            .msc-lasso, .lasso-back { stroke:var(--accent); stroke-width:2; fill:none; stroke-dasharray:5 3; }
            .lasso-step { stroke:#9aa5b4; stroke-width:1.5; }
            .lasso-state { fill:#fff; stroke:#6b7280; stroke-width:1.5; } .lasso-state.in-loop { fill:var(--loop); stroke:var(--accent); }
            .lasso-num { font-size:11px; text-anchor:middle; fill:var(--fg); }
            .lasso-note { font-size:12px; fill:var(--accent); font-weight:600; }
            """;

    private static final String SCRIPT = """
            (function () {
              function each(sel, f) { Array.prototype.forEach.call(document.querySelectorAll(sel), f); }
              each('[data-open]', function (b) { b.addEventListener('click', function () {
                each('#' + b.getAttribute('data-open') + ' details', function (d) { d.open = true; }); }); });
              each('[data-close]', function (b) { b.addEventListener('click', function () {
                each('#' + b.getAttribute('data-close') + ' details', function (d) { d.open = false; }); }); });
              each('[data-only-changed]', function (c) { c.addEventListener('change', function () {
                var t = document.getElementById(c.getAttribute('data-only-changed') + '-trace');
                if (t) { t.classList.toggle('only-changed', c.checked); } }); });
            })();
            """;
}
