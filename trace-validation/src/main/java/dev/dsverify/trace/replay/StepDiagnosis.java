package dev.dsverify.trace.replay;

import tla2sany.semantic.ExprNode;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.LetInNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import tla2sany.semantic.Subst;
import tla2sany.semantic.SubstInNode;
import tlc2.tool.Action;
import tlc2.tool.EvalControl;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.Context;
import tlc2.value.IValue;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Explains why a user's trace spec cannot take {@code ReplayStep(e)} for a log record e, in one state reachable
 * before it: which arm of ReplayStep the record selects (a CASE arm, an IF branch, or the disjuncts whose leading
 * guards hold), then, in that arm, the first conjunct that fails:
 *
 * <ul>
 *   <li>a guard (a state-level conjunct), named with its source text, descending into the operators it applies;
 *   <li>an action (e.g. the system's {@code RMPrepare(e.node)}) that is not enabled: its first false guard
 *       conjunct, descending into defined operators;
 *   <li>a post-state check evaluated on each successor of that action: the innermost false conjunct, with the
 *       spec's value (the primed side) and the logged value; for {@code AgreesOn(v, r)} each logged field of
 *       {@code r} that differs.
 * </ul>
 */
public final class StepDiagnosis {
    private static final int MAX_DEPTH = 8;

    private final SpecEvaluator spec;
    private final FastTool tool;
    private final SourceText source;
    private final boolean full;

    public StepDiagnosis(SpecEvaluator spec, SourceText source, boolean full) {
        this.spec = spec;
        this.tool = spec.tool();
        this.source = source;
        this.full = full;
    }

    public List<String> explain(String stepOperator, TLCState s, Value record) {
        List<String> out = new ArrayList<>();
        OpDefNode op = spec.operator(stepOperator);
        try {
            arm(op.getBody(), spec.bind(op, record), s, "", out, 0);
        } catch (RuntimeException e) {
            out.add(stepOperator + " cannot be evaluated on this line: " + oneLine(e.getMessage()));
        }
        if (out.isEmpty()) {
            out.add(stepOperator + " has no successor, though no single conjunct of it is false"
                    + " (a combination of them, or an existential inside an action, has no witness)");
        }
        return out;
    }

    /** Follows the branch of the step the record selects, then explains the conjunction found there. */
    private void arm(SemanticNode node, Context ctx, TLCState s, String path, List<String> out, int depth) {
        if (node instanceof SubstInNode sub) {
            arm(sub.getBody(), substituted(sub, ctx), s, path, out, depth);
            return;
        }
        if (node instanceof LetInNode let) {
            arm(let.getBody(), ctx, s, path, out, depth);
            return;
        }
        if (node instanceof OpApplNode appl && depth < MAX_DEPTH) {
            String name = appl.getOperator().getName().toString();
            switch (name) {
                case "$Case" -> {
                    List<String> guards = new ArrayList<>();
                    for (ExprOrOpArgNode a : appl.getArgs()) {
                        OpApplNode pair = (OpApplNode) a;
                        ExprOrOpArgNode guard = pair.getArgs()[0];
                        if (guard == null || isTrue(guard, ctx, s)) {
                            String label = guard == null ? "OTHER" : source.text(guard);
                            arm(pair.getArgs()[1], ctx, s, path + "arm " + quoted(label) + " ("
                                    + pair.getLocation().source() + ".tla line " + pair.getLocation().beginLine()
                                    + "): ", out, depth + 1);
                            return;
                        }
                        guards.add(quoted(source.text(guard)));
                    }
                    out.add(path + "no arm of the CASE (" + appl.getLocation().source() + ".tla line "
                            + appl.getLocation().beginLine() + ") applies to this line: " + String.join(", ", guards)
                            + (guards.size() == 1 ? " is" : " are all") + " FALSE");
                    return;
                }
                case "$IfThenElse" -> {
                    boolean c = isTrue(appl.getArgs()[0], ctx, s);
                    arm(appl.getArgs()[c ? 1 : 2], ctx, s, path + (c ? "IF " : "ELSE of IF ")
                            + quoted(source.text(appl.getArgs()[0])) + ": ", out, depth + 1);
                    return;
                }
                case "$DisjList", "\\lor" -> {
                    List<String> firstGuards = new ArrayList<>();
                    boolean any = false;
                    for (ExprOrOpArgNode d : appl.getArgs()) {
                        String lead = falseLeadingGuard(d, ctx, s);
                        if (lead == null) {
                            any = true;
                            arm(d, ctx, s, path + "disjunct " + quoted(abbreviate(source.text(d))) + ": ", out, depth + 1);
                        } else {
                            firstGuards.add(lead);
                        }
                    }
                    if (!any) {
                        out.add(path + "no disjunct applies to this line: " + String.join("; ", firstGuards));
                    }
                    return;
                }
                default -> {
                    if (appl.getOperator() instanceof OpDefNode def && def.getBody() != null
                            && !def.isStandardModule() && branches(def.getBody())) {
                        // an operator wrapping the step's structure (e.g. ReplayStep(e) == Explain(e))
                        arm(def.getBody(), tool.getOpContext(def, appl.getArgs(), ctx, true), s, path, out, depth + 1);
                        return;
                    }
                }
            }
        }
        conjunction(node, ctx, s, path, out);
    }

    /** Whether an operator's body chooses between cases (then it structures the step rather than being an action). */
    private static boolean branches(SemanticNode body) {
        SemanticNode b = body;
        while (b instanceof LetInNode let) {
            b = let.getBody();
        }
        if (b instanceof OpApplNode appl) {
            String n = appl.getOperator().getName().toString();
            return n.equals("$Case") || n.equals("$IfThenElse") || n.equals("$DisjList") || n.equals("\\lor");
        }
        return false;
    }

    private record Conjunct(ExprOrOpArgNode expr, Context ctx) {
    }

    private void conjunction(SemanticNode node, Context ctx, TLCState s, String path, List<String> out) {
        List<Conjunct> conjuncts = new ArrayList<>();
        flatten(node, ctx, conjuncts);
        List<Conjunct> checks = new ArrayList<>();
        StateVec successors = null;
        String call = null;
        for (Conjunct c : conjuncts) {
            ExprNode e = (ExprNode) c.expr();
            if (successors != null) {
                checks.add(c);
                continue;
            }
            if (e.getLevel() < 2) {
                String why = falseGuard(e, c.ctx(), s, 0);
                if (why != null) {
                    out.add(path + why);
                    return;
                }
                continue;
            }
            StateVec succ;
            try {
                succ = tool.getNextStates(new Action(e, c.ctx()), s);
            } catch (RuntimeException ex) {
                checks.add(c); // a check of the post-state alone: evaluated once the action has made one
                continue;
            }
            call = call(e, c.ctx(), s);
            if (succ.size() == 0) {
                List<String> guards = new ArrayList<>();
                actionGuards(e, c.ctx(), s, guards, 0);
                if (guards.isEmpty()) {
                    out.add(path + call + " is not enabled (no guard conjunct is false on its own)");
                }
                for (String g : guards) {
                    out.add(path + call + " is not enabled: " + g);
                }
                return;
            }
            successors = succ;
        }
        if (successors == null) {
            return;
        }
        for (int k = 0; k < successors.size(); k++) {
            TLCState t = successors.elementAt(k);
            String prefix = path + (successors.size() > 1 ? "successor " + (k + 1) + " of " : "after ") + call + ": ";
            for (Conjunct c : checks) {
                String why = falseCheck(c.expr(), c.ctx(), s, t, 0);
                if (why != null) {
                    out.add(prefix + why);
                    break;
                }
            }
        }
    }

    private void flatten(SemanticNode node, Context ctx, List<Conjunct> out) {
        if (node instanceof SubstInNode sub) {
            flatten(sub.getBody(), substituted(sub, ctx), out);
        } else if (node instanceof LetInNode let) {
            flatten(let.getBody(), ctx, out);
        } else if (node instanceof OpApplNode appl && isConjunction(appl.getOperator().getName().toString())) {
            for (ExprOrOpArgNode a : appl.getArgs()) {
                flatten(a, ctx, out);
            }
        } else {
            out.add(new Conjunct((ExprOrOpArgNode) node, ctx));
        }
    }

    /** The first false state-level guard at the head of a disjunct, or null when its leading guards hold. */
    private String falseLeadingGuard(SemanticNode d, Context ctx, TLCState s) {
        List<Conjunct> conjuncts = new ArrayList<>();
        flatten(d, ctx, conjuncts);
        for (Conjunct c : conjuncts) {
            ExprNode e = (ExprNode) c.expr();
            if (e.getLevel() >= 2) {
                return null;
            }
            if (!isTrue(e, c.ctx(), s)) {
                return source.of(e) + " is FALSE";
            }
        }
        return null;
    }

    /** Guards of a disabled action: its false state-level conjuncts, descending into the operators it applies. */
    private boolean actionGuards(SemanticNode node, Context ctx, TLCState s, List<String> out, int depth) {
        if (node instanceof SubstInNode sub) {
            return actionGuards(sub.getBody(), substituted(sub, ctx), s, out, depth);
        }
        if (node instanceof LetInNode let) {
            return actionGuards(let.getBody(), ctx, s, out, depth);
        }
        if (node instanceof OpApplNode appl) {
            if (isConjunction(appl.getOperator().getName().toString())) {
                for (ExprOrOpArgNode arg : appl.getArgs()) {
                    if (actionGuards(arg, ctx, s, out, depth)) {
                        return true; // later conjuncts may not even be defined once one is false
                    }
                }
                return false;
            }
            if (((ExprNode) appl).getLevel() >= 2) {
                if (appl.getOperator() instanceof OpDefNode def && def.getBody() != null && depth < MAX_DEPTH
                        && !def.isStandardModule()) {
                    return actionGuards(def.getBody(), tool.getOpContext(def, appl.getArgs(), ctx, true), s, out, depth + 1);
                }
                return false;
            }
        }
        if (node instanceof ExprNode expr && expr.getLevel() < 2) {
            String why = falseGuard(expr, ctx, s, depth);
            if (why != null) {
                out.add(why);
                return true;
            }
        }
        return false;
    }

    /** Why a state-level expression is false (descending into the operator it applies), or null if it is true. */
    private String falseGuard(ExprNode expr, Context ctx, TLCState s, int depth) {
        IValue v;
        try {
            v = tool.eval(expr, ctx, s);
        } catch (RuntimeException e) {
            return source.of(expr) + " cannot be evaluated: " + oneLine(e.getMessage());
        }
        if (!(v instanceof BoolValue b) || b.val) {
            return null;
        }
        if (expr instanceof OpApplNode appl && appl.getOperator() instanceof OpDefNode def && def.getBody() != null
                && depth < MAX_DEPTH && !def.isStandardModule()) {
            List<String> inner = new ArrayList<>();
            if (actionGuards(def.getBody(), tool.getOpContext(def, appl.getArgs(), ctx, true), s, inner, depth + 1)) {
                return source.of(expr) + " is FALSE because " + String.join("; ", inner);
            }
        }
        return source.of(expr) + " is FALSE";
    }

    /** Why a check of the step from s to t fails: the innermost false conjunct, with both values; null if it holds. */
    private String falseCheck(ExprOrOpArgNode node, Context ctx, TLCState s, TLCState t, int depth) {
        if (node instanceof SubstInNode sub) {
            return falseCheck(sub.getBody(), substituted(sub, ctx), s, t, depth);
        }
        if (node instanceof LetInNode let) {
            return falseCheck(let.getBody(), ctx, s, t, depth);
        }
        IValue v;
        try {
            v = tool.eval(node, ctx, s, t, EvalControl.Clear);
        } catch (RuntimeException e) {
            return source.of(node) + " cannot be evaluated: " + oneLine(e.getMessage());
        }
        if (!(v instanceof BoolValue b) || b.val) {
            return null;
        }
        if (node instanceof OpApplNode appl) {
            String name = appl.getOperator().getName().toString();
            if (isConjunction(name)) {
                for (ExprOrOpArgNode a : appl.getArgs()) {
                    String why = falseCheck(a, ctx, s, t, depth);
                    if (why != null) {
                        return why;
                    }
                }
            } else if (name.equals("=>")) {
                // a false implication has a true premise: the consequent is what fails
                String why = falseCheck(appl.getArgs()[1], ctx, s, t, depth);
                if (why != null) {
                    return why;
                }
            } else if (name.equals("$IfThenElse")) {
                boolean c = tool.eval(appl.getArgs()[0], ctx, s, t, EvalControl.Clear) instanceof BoolValue cb && cb.val;
                String why = falseCheck(appl.getArgs()[c ? 1 : 2], ctx, s, t, depth);
                if (why != null) {
                    return why;
                }
            } else if (name.equals("=") && appl.getArgs().length == 2) {
                return source.of(appl) + " is FALSE: " + equality(appl.getArgs()[0], appl.getArgs()[1], ctx, s, t);
            } else if (appl.getOperator() instanceof OpDefNode def && def.getBody() != null && depth < MAX_DEPTH
                    && !def.isStandardModule()) {
                if (name.equals("AgreesOn") && appl.getArgs().length == 2) {
                    return source.of(appl) + " is FALSE: " + agreement(appl, ctx, s, t);
                }
                String inner = falseCheck(def.getBody(), tool.getOpContext(def, appl.getArgs(), ctx, true), s, t, depth + 1);
                if (inner != null) {
                    return source.of(appl) + " is FALSE because " + inner;
                }
            }
        }
        return source.of(node) + " is FALSE";
    }

    /** Both sides of a false equality; the side with primed variables is the spec's, the other the logged one. */
    private String equality(ExprOrOpArgNode a, ExprOrOpArgNode b, Context ctx, TLCState s, TLCState t) {
        boolean aSpec = a.getLevel() >= 2;
        boolean bSpec = b.getLevel() >= 2;
        String va = ShownValue.of(tool.eval(a, ctx, s, t, EvalControl.Clear), full);
        String vb = ShownValue.of(tool.eval(b, ctx, s, t, EvalControl.Clear), full);
        if (aSpec != bSpec) {
            ExprOrOpArgNode specSide = aSpec ? a : b;
            ExprOrOpArgNode loggedSide = aSpec ? b : a;
            return source.text(specSide) + ": expected (spec) " + (aSpec ? va : vb) + ", logged ("
                    + source.text(loggedSide) + ") " + (aSpec ? vb : va);
        }
        return source.text(a) + " is " + va + ", " + source.text(b) + " is " + vb;
    }

    /** For {@code AgreesOn(v, r)}: each field r logs that v lacks or holds with another value. */
    private String agreement(OpApplNode appl, Context ctx, TLCState s, TLCState t) {
        IValue specValue = tool.eval(appl.getArgs()[0], ctx, s, t, EvalControl.Clear);
        IValue logged = tool.eval(appl.getArgs()[1], ctx, s, t, EvalControl.Clear);
        String what = source.text(appl.getArgs()[0]);
        if (!(logged instanceof Value lv) || !(lv.toRcd() instanceof RecordValue r)) {
            return "the logged value " + ShownValue.of(logged, full) + " is not a record";
        }
        List<String> diffs = new ArrayList<>();
        tlc2.value.impl.Applicable app = specValue instanceof tlc2.value.impl.Applicable x ? x : null;
        for (int k = 0; k < r.names.length; k++) {
            Value field = new tlc2.value.impl.StringValue(r.names[k]);
            Value expected = null;
            try {
                if (app != null && app.getDomain().member(field)) {
                    expected = app.apply(field, EvalControl.Clear);
                }
            } catch (RuntimeException e) {
                expected = null;
            }
            if (expected == null) {
                diffs.add(what + "." + r.names[k] + ": not a field of the spec's value, logged " + ShownValue.of(r.values[k], full));
            } else if (!expected.equals(r.values[k])) {
                diffs.add(what + "." + r.names[k] + ": expected (spec) " + ShownValue.of(expected, full)
                        + ", logged " + ShownValue.of(r.values[k], full));
            }
        }
        return diffs.isEmpty() ? "no single field differs" : String.join("; ", diffs);
    }

    /** {@code Name(arg values)} for an applied operator, else its source text. */
    private String call(ExprNode e, Context ctx, TLCState s) {
        if (e instanceof OpApplNode appl && appl.getOperator() instanceof OpDefNode def) {
            List<String> args = new ArrayList<>();
            for (ExprOrOpArgNode a : appl.getArgs()) {
                try {
                    args.add(ShownValue.of(tool.eval(a, ctx, s), full));
                } catch (RuntimeException ex) {
                    args.add(source.text(a));
                }
            }
            return def.getName() + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")");
        }
        return quoted(source.text(e));
    }

    private Context substituted(SubstInNode sub, Context ctx) {
        Context c = ctx;
        for (Subst x : sub.getSubsts()) {
            c = c.cons(x.getOp(), tool.getVal(x.getExpr(), ctx, false));
        }
        return c;
    }

    private boolean isTrue(SemanticNode guard, Context ctx, TLCState s) {
        try {
            return tool.eval(guard, ctx, s) instanceof BoolValue b && b.val;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isConjunction(String name) {
        return name.equals("$ConjList") || name.equals("\\land");
    }

    private static String quoted(String s) {
        return "`" + s + "`";
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
