package dev.dsverify.runner.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tla2sany.semantic.ASTConstants;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.LetInNode;
import tla2sany.semantic.ModuleNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDeclNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import tla2sany.semantic.SubstInNode;
import tla2sany.semantic.SymbolNode;

/**
 * A starting trace spec for a user's spec: one {@code ReplayStep} arm per action of the next-state relation,
 * its parameters bound from the log record's fields of the same names, and one post-state check per variable
 * the action changes. Read from SANY's semantic tree: the next-state relation is split at its disjunctions
 * and existential quantifiers, through the operators whose bodies are themselves such choices, down to the
 * action operators; an action's changed variables are those it primes, through the operators it applies,
 * leaving out those it declares UNCHANGED.
 */
public final class TraceScaffold {
    /** One action of Next: its name, the call as the arm makes it, and the variables it changes. */
    public record Action(String name, List<String> parameters, String call, List<String> changes) {
    }

    /** The generated trace spec and cfg texts. */
    public record Files(String moduleName, String tla, String cfg, List<Action> actions) {
    }

    private final ModuleNode root;
    private final Set<String> variables = new LinkedHashSet<>();

    private TraceScaffold(ModuleNode root) {
        this.root = root;
        for (OpDeclNode v : byPosition(root.getVariableDecls())) {
            variables.add(v.getName().toString());
        }
    }

    /**
     * The scaffold for {@code parsed}'s root module with next-state relation {@code next}.
     *
     * @throws IllegalArgumentException when the module defines no operator {@code next}
     */
    public static Files generate(SpecParser.Parsed parsed, String next, String init) {
        ModuleNode root = parsed.root();
        OpDefNode nextDef = find(root, next).orElseThrow(() -> new IllegalArgumentException(
                root.getName() + " defines no operator '" + next + "' (name the next-state relation with --next)"));
        TraceScaffold s = new TraceScaffold(root);
        List<Action> actions = new ArrayList<>();
        s.split(nextDef.getBody(), new ArrayList<>(), actions, new HashSet<>(), 0);
        String spec = root.getName().toString();
        String module = "Trace" + spec;
        return new Files(module, s.tla(module, spec, actions, init), s.cfg(module, root, next), actions);
    }

    private static Optional<OpDefNode> find(ModuleNode root, String name) {
        for (OpDefNode d : root.getOpDefs()) {
            if (d.getName().toString().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Splits a next-state expression into its actions; {@code bound} are the names in scope. */
    private void split(SemanticNode n, List<String> bound, List<Action> out, Set<String> seen, int depth) {
        if (depth > 32 || n == null) {
            return;
        }
        if (n instanceof LetInNode let) {
            split(let.getBody(), bound, out, seen, depth + 1);
            return;
        }
        if (n instanceof SubstInNode subst) {
            split(subst.getBody(), bound, out, seen, depth + 1);
            return;
        }
        if (!(n instanceof OpApplNode appl)) {
            return;
        }
        SymbolNode op = appl.getOperator();
        String name = op == null ? "" : op.getName().toString();
        switch (name) {
            case "$DisjList", "\\lor" -> {
                for (ExprOrOpArgNode a : appl.getArgs()) {
                    split(a, bound, out, seen, depth + 1);
                }
                return;
            }
            case "$BoundedExists", "$UnboundedExists" -> {
                List<String> inner = new ArrayList<>(bound);
                if (appl.getBdedQuantSymbolLists() != null) {
                    for (FormalParamNode[] ps : appl.getBdedQuantSymbolLists()) {
                        for (FormalParamNode p : ps) {
                            inner.add(p.getName().toString());
                        }
                    }
                }
                if (appl.getUnbdedQuantSymbols() != null) {
                    for (FormalParamNode p : appl.getUnbdedQuantSymbols()) {
                        inner.add(p.getName().toString());
                    }
                }
                ExprOrOpArgNode[] args = appl.getArgs();
                if (args.length > 0) {
                    split(args[args.length - 1], inner, out, seen, depth + 1);
                }
                return;
            }
            default -> {
            }
        }
        if (op instanceof OpDefNode def && def.getKind() == ASTConstants.UserDefinedOpKind && def.getBody() != null) {
            if (isChoice(def.getBody())) {
                // An operator that is itself a choice of actions (e.g. RMStep(r) == RMPrepare(r) \/ ...):
                // its actions are Next's actions, with its parameters in scope.
                List<String> inner = new ArrayList<>(bound);
                for (FormalParamNode p : def.getParams()) {
                    inner.add(p.getName().toString());
                }
                split(def.getBody(), inner, out, seen, depth + 1);
                return;
            }
            String actionName = def.getName().toString();
            if (!seen.add(actionName)) {
                return;
            }
            List<String> params = new ArrayList<>();
            for (FormalParamNode p : def.getParams()) {
                params.add(p.getName().toString());
            }
            out.add(new Action(actionName, List.copyOf(bound), call(actionName, params),
                    List.copyOf(changed(def))));
        }
    }

    /** Whether an expression is a choice between actions: a disjunction or an existential quantifier. */
    private static boolean isChoice(SemanticNode body) {
        SemanticNode b = body;
        while (b instanceof LetInNode let) {
            b = let.getBody();
        }
        if (!(b instanceof OpApplNode appl) || appl.getOperator() == null) {
            return false;
        }
        String name = appl.getOperator().getName().toString();
        return name.equals("$DisjList") || name.equals("\\lor") || name.equals("$BoundedExists")
                || name.equals("$UnboundedExists");
    }

    private static String call(String name, List<String> params) {
        return params.isEmpty() ? name : name + "(" + String.join(", ", params) + ")";
    }

    /** The variables an action primes, through the operators it applies, except under UNCHANGED. */
    private Set<String> changed(OpDefNode action) {
        Set<String> out = new LinkedHashSet<>();
        Deque<SemanticNode> todo = new ArrayDeque<>();
        Set<OpDefNode> visited = new HashSet<>();
        todo.push(action.getBody());
        visited.add(action);
        while (!todo.isEmpty()) {
            SemanticNode n = todo.pop();
            if (n instanceof OpApplNode appl && appl.getOperator() != null) {
                String name = appl.getOperator().getName().toString();
                if (name.equals("$Unchanged") || name.equals("UNCHANGED")) {
                    continue;
                }
                if (name.equals("$Prime") || name.equals("'")) {
                    primedVariables(appl, out);
                    continue;
                }
                if (appl.getOperator() instanceof OpDefNode def && def.getKind() == ASTConstants.UserDefinedOpKind
                        && def.getBody() != null && visited.add(def)) {
                    todo.push(def.getBody());
                }
            }
            SemanticNode[] children = n.getChildren();
            if (children != null) {
                for (SemanticNode c : children) {
                    if (c != null) {
                        todo.push(c);
                    }
                }
            }
        }
        // In declaration order, as a reader expects them.
        Set<String> ordered = new LinkedHashSet<>();
        for (String v : variables) {
            if (out.contains(v)) {
                ordered.add(v);
            }
        }
        return ordered;
    }

    private void primedVariables(OpApplNode prime, Set<String> out) {
        Deque<SemanticNode> todo = new ArrayDeque<>();
        todo.push(prime);
        while (!todo.isEmpty()) {
            SemanticNode n = todo.pop();
            if (n instanceof OpApplNode a && a.getOperator() instanceof OpDeclNode d
                    && d.getKind() == ASTConstants.VariableDeclKind) {
                out.add(d.getName().toString());
            }
            SemanticNode[] children = n.getChildren();
            if (children != null) {
                for (SemanticNode c : children) {
                    if (c != null) {
                        todo.push(c);
                    }
                }
            }
        }
    }

    private String tla(String module, String spec, List<Action> actions, String init) {
        StringBuilder sb = new StringBuilder();
        String dashes = "-".repeat(Math.max(4, (74 - module.length() - 8) / 2));
        sb.append(dashes).append(" MODULE ").append(module).append(' ').append(dashes).append('\n');
        sb.append("(***************************************************************************)\n");
        sb.append("(* Explains logs of a system that implements ").append(pad(spec + ".", 30)).append("*)\n");
        sb.append("(* Generated by dsverify replay init as a start: check every arm against   *)\n");
        sb.append("(* what your log records, then replay with                                 *)\n");
        sb.append("(*   dsverify replay --trace-spec ").append(pad(module + ".tla LOG.ndjson...", 41)).append("*)\n");
        sb.append("(***************************************************************************)\n");
        sb.append("EXTENDS ").append(spec).append(", TraceValidation\n\n");
        sb.append("TraceInit == ").append(init).append('\n');
        sb.append('\n');
        sb.append("(* One arm per action of Next. Each binds the action's parameters from the *)\n");
        sb.append("(* log record's fields of the same names (rename them to your log's), and  *)\n");
        sb.append("(* checks each variable the action changes against the record's \"state\".  *)\n");
        sb.append("(* A logged value that is a set is an array: compare it with ToSet(...).   *)\n");
        sb.append("(* A function over nodes usually logs only the node's part: compare         *)\n");
        sb.append("(* v'[e.node] = e.state.v instead of v' = e.state.v.                        *)\n");
        sb.append("ReplayStep(e) ==\n");
        if (actions.isEmpty()) {
            sb.append("    FALSE  \\* no action of Next was found: write the arms by hand\n");
        }
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            sb.append(i == 0 ? "    CASE " : "      [] ").append("e.event = \"").append(a.name()).append("\" ->\n");
            String indent = "           ";
            if (!a.parameters().isEmpty()) {
                Map<String, String> lets = new LinkedHashMap<>();
                for (String p : a.parameters()) {
                    lets.put(p, "e." + p);
                }
                sb.append(indent).append("LET ");
                int k = 0;
                for (Map.Entry<String, String> l : lets.entrySet()) {
                    sb.append(k++ == 0 ? "" : indent + "    ").append(l.getKey()).append(" == ").append(l.getValue())
                            .append('\n');
                }
                sb.append(indent).append("IN  ");
            } else {
                sb.append(indent);
            }
            sb.append("/\\ ").append(a.call()).append('\n');
            String checkIndent = indent + (a.parameters().isEmpty() ? "" : "    ");
            for (String v : a.changes()) {
                sb.append(checkIndent).append("/\\ Logged(e, \"state\") /\\ Logged(e.state, \"").append(v)
                        .append("\") => ").append(v).append("' = e.state.").append(v).append('\n');
            }
        }
        sb.append("=============================================================================\n");
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** Names of constants that are usually the set of processes, whose ids the log's nodes are. */
    private static final java.util.regex.Pattern PROCESS_SET = java.util.regex.Pattern.compile(
            "(?i)(rms?|servers?|nodes?|procs?|process(es)?|clients?|replicas?|acceptors?|participants?|peers?|"
                    + "workers?|members?)");

    /** Declarations in the order they appear in the source. */
    private static List<OpDeclNode> byPosition(OpDeclNode[] decls) {
        List<OpDeclNode> out = new ArrayList<>(List.of(decls));
        out.sort(java.util.Comparator.comparing((OpDeclNode d) -> d.getLocation().source())
                .thenComparingInt(d -> d.getLocation().beginLine())
                .thenComparingInt(d -> d.getLocation().beginColumn()));
        return out;
    }

    private String cfg(String module, ModuleNode root, String next) {
        StringBuilder sb = new StringBuilder();
        sb.append("\\* Constants of ").append(module).append(", generated by dsverify replay init.\n");
        sb.append("\\* Bind each constant: usually the ids in the log (CONSTANT Node <- TraceNodes), a model\n");
        sb.append("\\* value (CONSTANT Nil = Nil), or a value (CONSTANT N = 3). Only CONSTANT lines are used.\n");
        List<OpDeclNode> constants = byPosition(root.getConstantDecls());
        if (constants.isEmpty()) {
            sb.append("\\* (the spec declares no constants)\n");
        }
        for (OpDeclNode c : constants) {
            String name = c.getName().toString();
            if (PROCESS_SET.matcher(name).matches()) {
                sb.append("CONSTANT ").append(name).append(" <- TraceNodes   \\* guessed from its name: the log's node ids\n");
            } else {
                sb.append("\\* CONSTANT ").append(name).append(" = ...   \\* edit: a value, or ").append(name)
                        .append(" = ").append(name).append(" for a model value\n");
            }
        }
        sb.append("INIT TraceInit\n");
        sb.append("NEXT ").append(next).append('\n');
        return sb.toString();
    }
}
