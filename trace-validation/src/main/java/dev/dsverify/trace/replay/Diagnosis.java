package dev.dsverify.trace.replay;

import dev.dsverify.trace.log.TraceEvent;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.LetInNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import tla2sany.semantic.Subst;
import tla2sany.semantic.SubstInNode;
import tla2sany.semantic.SymbolNode;
import tla2sany.st.Location;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.Context;
import tlc2.value.IValue;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains why the spec cannot take the step a line names, in one state reachable before that line.
 *
 * <p>Either the action is not enabled: its guard conjuncts are evaluated one by one with the line's
 * parameters (descending into the operators they apply) and the false ones are named with their source
 * text. Or it is enabled but its post-state differs from the log: each successor the spec computes is
 * compared with the line field by field, through TraceRaft's own per-field checks, and both values are shown.
 */
public final class Diagnosis {
    private static final String[] FIELDS = {"currentTerm", "votedFor", "log", "role", "commitIndex",
            "votesGranted", "nextIndex", "matchIndex", "messages", "snapshotIndex", "snapshotTerm", "preCandidate",
            "preVotesGranted"};
    private static final int MAX_DEPTH = 6;

    private final SpecEvaluator spec;
    private final Path specDir;
    private final Map<String, List<String>> sources = new HashMap<>();

    private final String specStep;
    private final boolean full;

    /**
     * @param specDir  where the modules are, to quote their source
     * @param specStep the operator taking the line's action without comparing the log (TraceRaft's SpecStep, as
     *                 the driver names it with the cursor)
     */
    public Diagnosis(SpecEvaluator spec, Path specDir, String specStep) {
        this(spec, specDir, specStep, false);
    }

    /** @param full show long values in full rather than folded ({@link ShownValue}) */
    public Diagnosis(SpecEvaluator spec, Path specDir, String specStep, boolean full) {
        this.spec = spec;
        this.specDir = specDir;
        this.specStep = specStep;
        this.full = full;
    }

    public List<String> explain(TLCState state, Value line, TraceEvent event) {
        List<String> reasons = new ArrayList<>();
        // TraceRaft may restate an action in an equivalent, cheaper form (TraceAdvanceCommitIndex); explain with that
        String action = spec.hasOperator("Trace" + event.kind().name()) ? "Trace" + event.kind().name()
                : "R!" + event.kind().name();
        Value[] args;
        try {
            args = ((TupleValue) ((Value) spec.eval("ActionArgs", state, line)).toTuple()).elems;
        } catch (RuntimeException e) {
            reasons.add("the line does not give the parameters of " + event.kind() + ": " + oneLine(e.getMessage()));
            return reasons;
        }
        if (!spec.hasOperator(action)) {
            reasons.add("Raft.tla defines no action " + event.kind());
            return reasons;
        }
        OpDefNode op = spec.operator(action);
        Context ctx;
        try {
            ctx = spec.bind(op, args);
        } catch (IllegalArgumentException e) {
            reasons.add(e.getMessage());
            return reasons;
        }
        String call = event.kind() + "(" + String.join(", ", java.util.Arrays.stream(args).map(Value::toString).toList()) + ")";
        List<String> guards = new ArrayList<>();
        falseGuards(op.getBody(), ctx, state, guards, 0);
        if (!guards.isEmpty()) {
            for (String g : guards) {
                reasons.add(call + " is not enabled: " + g);
            }
            return reasons;
        }
        StateVec succ;
        try {
            succ = spec.successors(specStep, state, line);
        } catch (RuntimeException e) {
            reasons.add(call + " cannot be evaluated: " + oneLine(e.getMessage()));
            return reasons;
        }
        if (succ.size() == 0) {
            reasons.add(call + " is not enabled (no guard conjunct is false on its own; a combination or an"
                    + " existential inside the action has no witness)");
            return reasons;
        }
        for (int k = 0; k < succ.size(); k++) {
            TLCState next = succ.elementAt(k);
            String prefix = succ.size() > 1 ? "successor " + (k + 1) + " of " + call + ": " : call + ": ";
            for (String f : FIELDS) {
                IValue ok;
                try {
                    ok = spec.evalStep("FieldAgrees", state, next, line, new tlc2.value.impl.StringValue(f));
                } catch (RuntimeException e) {
                    reasons.add(prefix + f + ": the logged value cannot be compared: " + oneLine(e.getMessage()));
                    continue;
                }
                if (ok instanceof BoolValue b && !b.val) {
                    reasons.add(prefix + fieldDiff(f, state, next, event));
                }
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(call + " is enabled and agrees with every logged field, yet the step is refused");
        }
        return reasons;
    }

    private String fieldDiff(String f, TLCState before, TLCState after, TraceEvent e) {
        Value node = new tlc2.value.impl.StringValue(e.node());
        if (f.equals("messages")) {
            return "messages: the spec's step " + bagChange((Value) before.lookup(f), (Value) after.lookup(f))
                    + "; the line logs msg=" + json(e, "msg") + (e.reply() != null ? " reply=" + json(e, "reply") : "");
        }
        if (f.equals("snapshotTerm")) {
            // no variable of the spec: the term of the entry at the snapshot point
            return "snapshotTerm[" + e.node() + "]: expected (spec) the term of entry "
                    + at(after.lookup("snapshotIndex"), node) + " of the log "
                    + ShownValue.of(at(after.lookup("log"), node), full) + ", logged " + e.state().get(f);
        }
        String spec = ShownValue.of(at(after.lookup(f), node), full);
        if (!e.state().has(f)) {
            return f + "[" + e.node() + "]: expected (spec) " + spec + ", logged: nothing, i.e. unchanged "
                    + ShownValue.of(at(before.lookup(f), node), full);
        }
        return f + "[" + e.node() + "]: expected (spec) " + spec + ", logged " + ShownValue.of(e.state().get(f), full);
    }

    private static String json(TraceEvent e, String field) {
        var m = field.equals("msg") ? e.msg() : e.reply();
        return m == null ? "none" : m.fields().toString();
    }

    /** What a step did to the bag of messages: the records whose count went up (sent) and down (consumed). */
    private static String bagChange(Value before, Value after) {
        tlc2.value.impl.FcnRcdValue b = (tlc2.value.impl.FcnRcdValue) before.toFcnRcd();
        tlc2.value.impl.FcnRcdValue a = (tlc2.value.impl.FcnRcdValue) after.toFcnRcd();
        List<String> sent = new ArrayList<>();
        List<String> consumed = new ArrayList<>();
        java.util.Map<Value, Integer> counts = new java.util.HashMap<>();
        for (int k = 0; k < b.domain.length; k++) {
            counts.merge(b.domain[k], -((tlc2.value.impl.IntValue) b.values[k]).val, Integer::sum);
        }
        for (int k = 0; k < a.domain.length; k++) {
            counts.merge(a.domain[k], ((tlc2.value.impl.IntValue) a.values[k]).val, Integer::sum);
        }
        counts.forEach((m, d) -> {
            if (d > 0) {
                sent.add(m.toString());
            } else if (d < 0) {
                consumed.add(m.toString());
            }
        });
        return "consumes " + (consumed.isEmpty() ? "nothing" : String.join(", ", consumed))
                + " and sends " + (sent.isEmpty() ? "nothing" : String.join(", ", sent));
    }

    private static String at(IValue fcn, Value arg) {
        try {
            return ((tlc2.value.impl.Applicable) fcn).apply(arg, tlc2.tool.EvalControl.Clear).toString();
        } catch (RuntimeException ex) {
            return String.valueOf(fcn);
        }
    }

    /** Collects the false state-level conjuncts of {@code node}, descending into defined operators. */
    private boolean falseGuards(SemanticNode node, Context ctx, TLCState s, List<String> out, int depth) {
        FastTool tool = spec.tool();
        if (node instanceof SubstInNode sub) {
            Context c = ctx;
            for (Subst x : sub.getSubsts()) {
                c = c.cons(x.getOp(), tool.getVal(x.getExpr(), ctx, false));
            }
            return falseGuards(sub.getBody(), c, s, out, depth);
        }
        if (node instanceof LetInNode let) {
            return falseGuards(let.getBody(), ctx, s, out, depth);
        }
        if (node instanceof OpApplNode appl) {
            String name = appl.getOperator().getName().toString();
            if (name.equals("$ConjList") || name.equals("\\land")) {
                boolean any = false;
                for (ExprOrOpArgNode arg : appl.getArgs()) {
                    any |= falseGuards(arg, ctx, s, out, depth);
                    if (any) {
                        return true; // later conjuncts may not even be defined once one is false
                    }
                }
                return false;
            }
            if (((tla2sany.semantic.ExprNode) appl).getLevel() >= 2) {
                SymbolNode opNode = appl.getOperator();
                if (opNode instanceof OpDefNode def && def.getBody() != null && depth < MAX_DEPTH && !def.isStandardModule()) {
                    Context c = tool.getOpContext(def, appl.getArgs(), ctx, true);
                    return falseGuards(def.getBody(), c, s, out, depth + 1);
                }
                return false; // an action conjunct (primes): the successor comparison covers it
            }
            return stateGuard(appl, ctx, s, out, depth);
        }
        if (node instanceof tla2sany.semantic.ExprNode expr && expr.getLevel() < 2) {
            return stateGuard(expr, ctx, s, out, depth);
        }
        return false;
    }

    private boolean stateGuard(tla2sany.semantic.ExprNode expr, Context ctx, TLCState s, List<String> out, int depth) {
        IValue v;
        try {
            v = spec.tool().eval(expr, ctx, s);
        } catch (RuntimeException e) {
            out.add(source(expr) + " cannot be evaluated: " + oneLine(e.getMessage()));
            return true;
        }
        if (v instanceof BoolValue b && !b.val) {
            if (expr instanceof OpApplNode appl && appl.getOperator() instanceof OpDefNode def
                    && def.getBody() != null && depth < MAX_DEPTH && !def.isStandardModule()) {
                List<String> inner = new ArrayList<>();
                Context c = spec.tool().getOpContext(def, appl.getArgs(), ctx, true);
                if (falseGuards(def.getBody(), c, s, inner, depth + 1)) {
                    out.add(source(expr) + " is FALSE because " + String.join("; ", inner));
                    return true;
                }
            }
            out.add(source(expr) + " is FALSE");
            return true;
        }
        return false;
    }

    /** The source text of an expression, with its module and line, for the user. */
    private String source(SemanticNode n) {
        Location loc = n.getLocation();
        String module = loc.source();
        List<String> lines = sources.computeIfAbsent(module, m -> {
            try {
                return Files.readAllLines(specDir.resolve(m + ".tla"));
            } catch (IOException e) {
                return List.of();
            }
        });
        int bl = loc.beginLine();
        int el = loc.endLine();
        String text;
        if (bl >= 1 && el <= lines.size()) {
            StringBuilder sb = new StringBuilder();
            for (int k = bl; k <= el; k++) {
                String ln = lines.get(k - 1);
                int from = k == bl ? Math.min(loc.beginColumn() - 1, ln.length()) : 0;
                int to = k == el ? Math.min(loc.endColumn(), ln.length()) : ln.length();
                sb.append(k == bl ? "" : " ").append(ln.substring(Math.max(0, from), Math.max(from, to)).trim());
            }
            text = sb.toString();
        } else {
            text = n.toString();
        }
        return "`" + text + "` (" + module + ".tla line " + bl + ")";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
