package dev.dsverify.conform.spec;

import dev.dsverify.trace.replay.SourceText;
import tla2sany.semantic.ExprNode;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.LetInNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.Context;
import tlc2.value.IValue;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Why an action of the spec is not enabled in a state: its state-level conjuncts evaluated one by one with the
 * action's parameters, descending into the operators it applies, and the false ones named with their source
 * text (as trace validation's diagnosis names them).
 */
public final class SpecGuards {
    private static final int MAX_DEPTH = 6;

    private SpecGuards() {
    }

    /** The false guards of {@code action(args)} in {@code s}, each as {@code `text` (Module.tla line N) is FALSE}. */
    public static List<String> falseGuards(SpecModel model, String action, List<Value> args, TLCState s) {
        List<String> out = new ArrayList<>();
        for (ActionFamily f : model.families()) {
            if (!f.name().equals(action)) {
                continue;
            }
            Context c = Context.Empty;
            for (int k = 0; k < args.size(); k++) {
                c = c.cons(f.params().get(k), args.get(k));
            }
            SourceText text = new SourceText(List.of(model.dir()));
            try {
                walk(model.evaluator().tool(), text, f.body(), c, s, out, 0);
            } catch (RuntimeException e) {
                out.add("(the guards cannot be evaluated one by one: " + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static boolean walk(FastTool tool, SourceText text, SemanticNode node, Context ctx, TLCState s,
            List<String> out, int depth) {
        if (node instanceof LetInNode let) {
            return walk(tool, text, let.getBody(), ctx, s, out, depth);
        }
        if (node instanceof OpApplNode appl) {
            String name = appl.getOperator().getName().toString();
            if (name.equals("$ConjList") || name.equals("\\land")) {
                for (ExprOrOpArgNode arg : appl.getArgs()) {
                    if (walk(tool, text, arg, ctx, s, out, depth)) {
                        return true; // later conjuncts may not be defined once one is false
                    }
                }
                return false;
            }
            if (appl.getLevel() >= 2) {
                if (appl.getOperator() instanceof OpDefNode def && def.getBody() != null && depth < MAX_DEPTH
                        && !def.isStandardModule()) {
                    Context c = tool.getOpContext(def, appl.getArgs(), ctx, true);
                    return walk(tool, text, def.getBody(), c, s, out, depth + 1);
                }
                return false; // a conjunct with primes: not a guard
            }
        }
        if (node instanceof ExprNode expr && expr.getLevel() < 2) {
            IValue v = tool.eval(expr, ctx, s);
            if (v instanceof BoolValue b && !b.val) {
                if (expr instanceof OpApplNode appl && appl.getOperator() instanceof OpDefNode def
                        && def.getBody() != null && depth < MAX_DEPTH && !def.isStandardModule()) {
                    List<String> inner = new ArrayList<>();
                    if (walk(tool, text, def.getBody(), tool.getOpContext(def, appl.getArgs(), ctx, true), s, inner,
                            depth + 1)) {
                        out.add(text.of(expr) + " is FALSE because " + String.join("; ", inner));
                        return true;
                    }
                }
                out.add(text.of(expr) + " is FALSE");
                return true;
            }
        }
        return false;
    }
}
