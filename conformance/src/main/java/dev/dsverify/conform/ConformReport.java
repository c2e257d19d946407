package dev.dsverify.conform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.runner.ResultJson;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.report.TraceChanges;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** A conformance result for people (text) and for tools (JSON, written atomically). */
public final class ConformReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int WIDTH = 120;

    private ConformReport() {
    }

    public static String text(ConformResult r) {
        StringBuilder sb = new StringBuilder();
        ConformOptions o = r.options();
        String what = o.exhaustive()
                ? (r.coverage().untimed() > 0 ? "paths to every distinct state the code's timing reaches of "
                        : "every distinct state of ") + o.model()
                : o.walks() + " random walks of up to " + o.depth() + " steps (seed " + o.seed() + ") of " + o.model();
        Failure f = r.failure();
        if (f == null) {
            sb.append("CONFORMS: the code followed ").append(r.steps()).append(" steps of ").append(what)
                    .append(o.bugs().any() ? " with bugs " + o.bugs() : "").append('\n');
        } else {
            sb.append("FAILURE: ").append(f.kind().text()).append('\n');
            sb.append("  at ").append(o.exhaustive() ? "path " : "walk ").append(f.walk()).append(", step ")
                    .append(f.step()).append(": ").append(f.action()).append('\n');
            sb.append("  input: ").append(f.input()).append('\n');
            if (!f.fields().isEmpty()) {
                sb.append("  differing: ").append(String.join(", ", f.fields())).append('\n');
            }
            sb.append("  why:\n");
            for (String reason : f.reasons()) {
                if (!reason.isEmpty()) {
                    sb.append("    - ").append(reason).append('\n');
                }
            }
            sb.append("  the spec's behaviour up to this step, then the code's state after it"
                    + " (each step shows what it changed; the last row what the code has differently):\n");
            for (String line : TraceChanges.render(f.behaviour(), WIDTH - 4).split("\n")) {
                sb.append("    ").append(line).append('\n');
            }
            sb.append("  checked: ").append(what).append(o.bugs().any() ? " with bugs " + o.bugs() : "").append('\n');
            sb.append("  reproduce: dsverify conform --spec ").append(o.spec()).append(" --model ").append(o.model())
                    .append(o.exhaustive() ? " --exhaustive" : " --walks " + f.walk() + " --depth " + o.depth() + " --seed " + o.seed())
                    .append(o.bugs().any() ? " --bug " + o.bugs() : "").append('\n');
        }
        Coverage c = r.coverage();
        sb.append("  states: ").append(c.statesVisited()).append(" distinct");
        if (c.stateFraction() != null) {
            sb.append(" of ").append(c.statesTotal()).append(String.format(Locale.ROOT, " (%.1f%%)", 100 * c.stateFraction()));
        }
        sb.append("; actions driven: ").append(c.actionsCovered()).append(" of ").append(c.enabled().size())
                .append(" the model enabled (").append(c.actions().size()).append(" in Next)\n");
        c.actions().forEach((a, n) -> sb.append(String.format(Locale.ROOT, "    %-28s %8d%s%n", a, n,
                !c.enabled().contains(a) ? "   never enabled by the model" : n == 0 ? "   never driven" : "")));
        if (c.untimed() > 0) {
            sb.append("  ").append(c.untimed()).append(" spec steps not driven: they rest on a timing the code's servers"
                    + " do not have (a follower's pre-vote answer; see conformance/README.md)")
                    .append(o.exhaustive() ? "; the states only they lead to were explored, not driven\n" : "\n");
        }
        if (!c.refused().isEmpty()) {
            sb.append("  steps the spec did not enable, offered and refused: ");
            sb.append(String.join(", ", c.refused().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .toList())).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  %d %s, %d steps driven, %d spec states generated, %.2f s%n", r.paths(),
                o.exhaustive() ? "paths" : "walks", r.steps(), r.specStates(), r.elapsed().toNanos() / 1e9));
        return sb.toString();
    }

    public static ObjectNode json(ConformResult r) {
        ObjectNode o = JSON.createObjectNode();
        ConformOptions opt = r.options();
        Failure f = r.failure();
        o.put("verdict", f == null ? "conforms" : "failure");
        o.put("spec", opt.spec().toString());
        o.put("model", opt.model());
        o.put("mode", opt.exhaustive() ? "exhaustive" : "walks");
        if (!opt.exhaustive()) {
            o.put("walks", opt.walks());
            o.put("depth", opt.depth());
            o.put("seed", opt.seed());
        }
        o.put("bugs", opt.bugs().toString());
        if (f == null) {
            o.putNull("failureKind");
            o.putNull("walk");
            o.putNull("step");
            o.putNull("action");
            o.putNull("input");
        } else {
            o.put("failureKind", f.kind().id());
            o.put("walk", f.walk());
            o.put("step", f.step());
            o.put("action", f.action());
            o.put("input", f.input());
        }
        ArrayNode fields = o.putArray("fieldsDiffering");
        if (f != null) {
            f.fields().forEach(fields::add);
        }
        ArrayNode reasons = o.putArray("reasons");
        if (f != null) {
            f.reasons().stream().filter(x -> !x.isEmpty()).forEach(reasons::add);
        }
        ArrayNode behaviour = o.putArray("behaviour");
        if (f != null) {
            for (TraceState s : f.behaviour()) {
                ObjectNode st = behaviour.addObject();
                st.put("number", s.number());
                st.put("action", s.label());
                ObjectNode vars = st.putObject("vars");
                s.vars().forEach((k, v) -> vars.put(k, v.toTla()));
            }
        }
        Coverage c = r.coverage();
        ObjectNode cov = o.putObject("coverage");
        cov.put("statesVisited", c.statesVisited());
        if (c.statesTotal() == null) {
            cov.putNull("statesTotal");
            cov.putNull("stateFraction");
        } else {
            cov.put("statesTotal", c.statesTotal());
            cov.put("stateFraction", c.stateFraction());
        }
        cov.put("actionsDriven", c.actionsCovered());
        cov.put("actionsEnabled", c.enabled().size());
        cov.put("actionsInNext", c.actions().size());
        ObjectNode per = cov.putObject("actions");
        c.actions().forEach(per::put);
        cov.put("untimedSteps", c.untimed());
        ObjectNode refused = cov.putObject("refusedWhenDisabled");
        c.refused().forEach(refused::put);
        ArrayNode never = cov.putArray("neverEnabled");
        c.neverEnabled().forEach(never::add);
        ObjectNode counts = o.putObject("counts");
        counts.put("paths", r.paths());
        counts.put("steps", r.steps());
        counts.put("specStates", r.specStates());
        o.put("elapsedMillis", r.elapsed().toMillis());
        return o;
    }

    /** Writes {@code node} to {@code file} through a temporary file and an atomic rename. */
    public static void writeAtomically(ObjectNode node, Path file) throws IOException {
        ResultJson.writeAtomically(file, JSON.writeValueAsString(node));
    }
}
