package dev.dsverify.runner.spec;

import dev.dsverify.runner.SourceRange;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tla2sany.semantic.ASTConstants;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.LetInNode;
import tla2sany.semantic.ModuleNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import tla2sany.semantic.SubstInNode;
import tla2sany.st.Location;
import util.SimpleFilenameToStream;

/**
 * Names the action operator a counterexample step applied.
 *
 * <p>TLC 2.18 labels a step with the operator whose body it evaluated when it can, but for a disjunct of
 * {@code Next} such as {@code \E m \in DOMAIN messages : HandleRequestStep(m)} it reports only "Next" and the
 * disjunct's source range. The range is exact (TLC prints SANY's own locations), so the step's action is the
 * user-defined action operator applied inside the expression at that range: this class parses the spec with
 * SANY, indexes every expression by its range, and answers with the call as written, e.g.
 * {@code HandleRequestStep(m)}. For a range that is an operator's body it answers with the operator and its
 * formal parameters, e.g. {@code Timeout(i)}, so every step reads the same way.
 *
 * <p>SANY keeps some global state, so parses are serialised; a spec that does not parse (it always does
 * here: TLC parsed it first) yields no names rather than an error.
 */
public final class ActionCalls {
    private final Map<String, SemanticNode> expressions = new HashMap<>();
    private final Map<String, OpDefNode> bodies = new HashMap<>();
    private final Map<String, List<String>> sources = new HashMap<>();
    private final SimpleFilenameToStream resolver;

    private ActionCalls(SimpleFilenameToStream resolver) {
        this.resolver = resolver;
    }

    /**
     * Parses {@code spec} with the modules in {@code library}; empty when SANY cannot read it. SANY would copy
     * its standard modules into the JVM's temp directory, where nothing removes them, so they are copied into
     * {@code scratch} (a directory the caller deletes) and found there instead.
     */
    public static Optional<ActionCalls> load(Path spec, List<Path> library, Path scratch) {
        SpecParser.Parsed parsed;
        try {
            parsed = SpecParser.parse(spec, library, scratch);
        } catch (SpecParser.ParseException | IOException e) {
            return Optional.empty();
        }
        ActionCalls calls = new ActionCalls(parsed.resolver());
        for (ModuleNode module : parsed.userModules()) {
            for (OpDefNode def : module.getOpDefs()) {
                if (def.getKind() != ASTConstants.UserDefinedOpKind || def.getBody() == null
                        || def.getOriginallyDefinedInModuleNode() != module) {
                    continue;
                }
                calls.bodies.putIfAbsent(key(def.getBody().getLocation()), def);
                calls.index(def.getBody());
            }
        }
        return Optional.of(calls);
    }

    /** The action call at {@code range}, e.g. {@code HandleRequestStep(m)}; empty when none can be named. */
    public Optional<String> callAt(SourceRange range) {
        if (range == null) {
            return Optional.empty();
        }
        String k = key(range.module(), range.line(), range.column(), range.endLine(), range.endColumn());
        OpDefNode def = bodies.get(k);
        if (def != null) {
            return Optional.of(name(def) + params(def));
        }
        SemanticNode node = expressions.get(k);
        return node == null ? Optional.empty() : Optional.ofNullable(resolve(node, 0));
    }

    private void index(SemanticNode node) {
        // Iterative: bodies of real specs nest deeply enough to make recursion a risk worth avoiding.
        java.util.ArrayDeque<SemanticNode> todo = new java.util.ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            SemanticNode n = todo.pop();
            Location loc = n.getLocation();
            if (loc != null) {
                expressions.putIfAbsent(key(loc), n);
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

    /**
     * The user-defined action applied by {@code node}: the node itself when it applies one, else the one
     * applied under its quantifiers, LET and INSTANCE substitutions, or the single one among its conjuncts.
     */
    private String resolve(SemanticNode node, int depth) {
        assert depth >= 0;
        if (depth > 64) {
            return null;
        }
        if (node instanceof LetInNode let) {
            return resolve(let.getBody(), depth + 1);
        }
        if (node instanceof SubstInNode subst) {
            return resolve(subst.getBody(), depth + 1);
        }
        if (!(node instanceof OpApplNode appl)) {
            return null;
        }
        if (appl.getOperator() instanceof OpDefNode def && def.getKind() == ASTConstants.UserDefinedOpKind) {
            return isUserModule(def) && def.getLevel() >= 2 ? name(def) + args(appl) : null;
        }
        String op = appl.getOperator() == null ? "" : appl.getOperator().getName().toString();
        switch (op) {
            case "$BoundedExists", "$UnboundedExists", "$BoundedForall", "$UnboundedForall" -> {
                ExprOrOpArgNode[] args = appl.getArgs();
                return args.length == 0 ? null : resolve(args[args.length - 1], depth + 1);
            }
            case "$ConjList", "\\land", "$DisjList", "\\lor" -> {
                // A conjunction of a guard and one action (or of bounds and an action): the action is the one
                // operand that applies a user-defined action; several such operands name no single action.
                String found = null;
                for (ExprOrOpArgNode a : appl.getArgs()) {
                    String r = resolve(a, depth + 1);
                    if (r != null) {
                        if (found != null) {
                            return null;
                        }
                        found = r;
                    }
                }
                return found;
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isUserModule(OpDefNode def) {
        ModuleNode m = def.getOriginallyDefinedInModuleNode();
        return m != null && !StandardModules.NAMES.contains(m.getName().toString());
    }

    private static String name(OpDefNode def) {
        return def.getName().toString();
    }

    private static String params(OpDefNode def) {
        FormalParamNode[] ps = def.getParams();
        if (ps == null || ps.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ps.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ps[i].getName());
        }
        return sb.append(')').toString();
    }

    private String args(OpApplNode appl) {
        ExprOrOpArgNode[] args = appl.getArgs();
        if (args == null || args.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) {
            String text = text(args[i].getLocation());
            sb.append(i == 0 ? "" : ", ").append(text == null ? "…" : text);
        }
        return sb.append(')').toString();
    }

    /** The source text at {@code loc}, whitespace collapsed; null when the module file cannot be read. */
    private String text(Location loc) {
        if (loc == null || loc.beginLine() <= 0) {
            return null;
        }
        List<String> lines = sources.computeIfAbsent(loc.source(), this::readModule);
        if (lines.isEmpty() || loc.endLine() > lines.size()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int l = loc.beginLine(); l <= loc.endLine(); l++) {
            String line = lines.get(l - 1);
            int from = l == loc.beginLine() ? Math.min(line.length(), loc.beginColumn() - 1) : 0;
            int to = l == loc.endLine() ? Math.min(line.length(), loc.endColumn()) : line.length();
            if (from < to) {
                sb.append(line, from, to);
            }
            if (l < loc.endLine()) {
                sb.append(' ');
            }
        }
        return sb.toString().trim().replaceAll("\\s+", " ");
    }

    private List<String> readModule(String module) {
        File f = resolver.resolve(module + ".tla", true);
        if (f == null || !f.isFile()) {
            return List.of();
        }
        try {
            return Files.readAllLines(f.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String key(Location l) {
        return key(l.source(), l.beginLine(), l.beginColumn(), l.endLine(), l.endColumn());
    }

    private static String key(String module, int line, int col, int endLine, int endCol) {
        return module + ":" + line + ":" + col + ":" + endLine + ":" + endCol;
    }

    @Override
    public String toString() {
        return expressions.keySet().stream().limit(3).collect(Collectors.joining(", ", "ActionCalls[", "…]"));
    }
}
