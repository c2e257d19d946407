package dev.dsverify.conform.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsverify.trace.replay.SpecEvaluator;
import dev.dsverify.trace.replay.SpecLoadException;
import tla2sany.semantic.ExprNode;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.util.Context;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Raft spec with a model's constants and bounds, loaded into TLC's evaluator: its initial state, its actions
 * (the disjuncts of {@code Next}) and the successors of a state labelled with the action and parameters that
 * produce each. The spec, the modules beside it and the model's module and cfg are staged in a temporary
 * directory (removed on {@link #close()} and at exit), the spec as {@code Raft.tla} so a variant under another
 * file name works with the models that extend {@code Raft}.
 *
 * <p>TLC's evaluator is one per JVM: use a SpecModel under {@link SpecEvaluator#LOCK}.
 */
public final class SpecModel implements AutoCloseable {
    static final String RESOURCES = "/dev/dsverify/conform/raft/";
    /** Modules the bundled models need; taken from the bundle when the spec's directory lacks them. */
    private static final List<String> SUPPORT = List.of("RaftModels.tla", "AbstractLog.tla");
    private static final List<Path> STAGED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STAGED.forEach(SpecModel::deleteTree)));
    }

    private final SpecEvaluator eval;
    private final Path dir;
    private final String modelName;
    private final List<ActionFamily> families;
    private final Map<String, Value> servers = new LinkedHashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Value nil;
    private final TLCState init;

    private SpecModel(SpecEvaluator eval, Path dir, String modelName) throws SpecLoadException {
        this.eval = eval;
        this.dir = dir;
        this.modelName = modelName;
        List<TLCState> inits = eval.initStates();
        if (inits.size() != 1) {
            throw new SpecLoadException(modelName + " has " + inits.size() + " initial states; conform drives the "
                    + "code from the one initial state of a Raft cluster", null);
        }
        // Fingerprints follow the model's VIEW and SYMMETRY, as in TLC's own search, once the state class knows the tool.
        tlc2.tool.TLCStateMut.setTool(eval.tool());
        this.init = inits.get(0);
        if (!eval.hasOperator("Next")) {
            throw new SpecLoadException(modelName + " defines no Next: not a model of Raft.tla", null);
        }
        for (Value s : elements(constant(eval, "Server"))) {
            servers.put(s.toString(), s);
        }
        for (Value v : elements(constant(eval, "Value"))) {
            values.put(unquote(v.toString()), v);
        }
        this.nil = constant(eval, "Nil");
        this.families = families(eval.operator("Next"));
    }

    /** The value the model gives a CONSTANT of the spec. */
    private static Value constant(SpecEvaluator eval, String name) throws SpecLoadException {
        for (tla2sany.semantic.OpDeclNode c : eval.tool().getRootModule().getConstantDecls()) {
            if (c.getName().toString().equals(name)) {
                Object v = eval.tool().lookup(c);
                if (v instanceof Value value) {
                    return value;
                }
                throw new SpecLoadException("the model gives no value to the constant " + name, null);
            }
        }
        throw new SpecLoadException("the spec declares no constant " + name + ": not a model of Raft.tla", null);
    }

    /**
     * Loads {@code spec} (a Raft.tla or a variant of it) with {@code model}: a catalog name such as
     * {@code raft.quick} (looked up in the catalog.json beside the spec, else in the bundled one), or the path of
     * a model's cfg whose module ({@code X.tla} for {@code X.cfg}) extends Raft.
     */
    public static SpecModel load(Path spec, String model) throws SpecLoadException {
        Path dir;
        try {
            dir = Files.createTempDirectory("dsverify-conform-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
        }
        STAGED.add(dir);
        try {
            String[] files = stage(spec, model, dir);
            SpecEvaluator eval = SpecEvaluator.load(dir, files[0], files[1]);
            return new SpecModel(eval, dir, model);
        } catch (SpecLoadException | RuntimeException e) {
            deleteTree(dir);
            STAGED.remove(dir);
            throw e;
        }
    }

    /** Copies the spec, its sibling modules and the model into {@code dir}; returns the model's module and cfg names. */
    private static String[] stage(Path spec, String model, Path dir) throws SpecLoadException {
        if (!Files.isRegularFile(spec)) {
            throw new SpecLoadException("no spec at " + spec, null);
        }
        try {
            Path specDir = spec.toAbsolutePath().getParent();
            try (Stream<Path> siblings = Files.list(specDir)) {
                for (Path p : siblings.filter(p -> p.toString().endsWith(".tla")).toList()) {
                    if (!p.getFileName().toString().equals("Raft.tla")) {
                        Files.copy(p, dir.resolve(p.getFileName()));
                    }
                }
            }
            String text = Files.readString(spec);
            String name = spec.getFileName().toString().replaceFirst("\\.tla$", "");
            if (!name.equals("Raft")) {
                text = text.replaceFirst("(-{4,}\\s*MODULE\\s+)" + Pattern.quote(name) + "\\b", "$1Raft");
                Files.deleteIfExists(dir.resolve(spec.getFileName()));
            }
            Files.writeString(dir.resolve("Raft.tla"), text);
            Path cfg;
            Path modelTla;
            String cfgName;
            if (model.endsWith(".cfg")) {
                cfg = Path.of(model);
                modelTla = cfg.resolveSibling(cfg.getFileName().toString().replaceFirst("\\.cfg$", ".tla"));
                if (!Files.isRegularFile(cfg) || !Files.isRegularFile(modelTla)) {
                    throw new SpecLoadException("model " + model + ": needs " + cfg + " and " + modelTla, null);
                }
                Files.copy(modelTla, dir.resolve(modelTla.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.copy(cfg, dir.resolve(cfg.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                cfgName = cfg.getFileName().toString();
            } else {
                String[] files = catalogFiles(specDir, model);
                for (String f : files) {
                    copyFromDirOrBundle(specDir, f, dir);
                }
                modelTla = Path.of(files[0]);
                cfgName = Path.of(files[1]).getFileName().toString();
            }
            for (String f : SUPPORT) {
                if (!Files.exists(dir.resolve(f))) {
                    copyFromDirOrBundle(specDir, f, dir);
                }
            }
            return new String[] {modelTla.getFileName().toString().replaceFirst("\\.tla$", ""),
                    cfgName.replaceFirst("\\.cfg$", "")};
        } catch (IOException e) {
            throw new SpecLoadException("cannot stage " + spec + " with model " + model + ": " + e.getMessage(), e);
        }
    }

    /** The model's module and cfg as the catalog beside the spec (else the bundled catalog) names them. */
    private static String[] catalogFiles(Path specDir, String model) throws IOException, SpecLoadException {
        Path local = specDir.resolve("catalog.json");
        JsonNode catalog;
        ObjectMapper json = new ObjectMapper();
        if (Files.isRegularFile(local)) {
            catalog = json.readTree(local.toFile());
        } else {
            try (InputStream in = SpecModel.class.getResourceAsStream(RESOURCES + "catalog.json")) {
                if (in == null) {
                    throw new SpecLoadException("no catalog.json beside " + specDir + " and none bundled", null);
                }
                catalog = json.readTree(in);
            }
        }
        List<String> names = new ArrayList<>();
        for (JsonNode m : catalog.path("models")) {
            String name = m.path("name").asText();
            names.add(name);
            if (name.equals(model)) {
                return new String[] {m.path("spec").asText(), m.path("config").asText()};
            }
        }
        throw new SpecLoadException("unknown model '" + model + "': the catalog names " + names
                + "; or give the path of a model's .cfg", null);
    }

    private static void copyFromDirOrBundle(Path specDir, String file, Path dir) throws IOException, SpecLoadException {
        Path target = dir.resolve(file);
        Path local = specDir.resolve(file);
        if (Files.isRegularFile(local)) {
            Files.copy(local, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (InputStream in = SpecModel.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new SpecLoadException("the model needs " + file + ": not beside the spec and not bundled", null);
            }
            Files.write(target, in.readAllBytes());
        }
    }

    /** The disjuncts of Next, each an (optionally existentially quantified) application of a step operator. */
    private static List<ActionFamily> families(OpDefNode next) throws SpecLoadException {
        List<ActionFamily> out = new ArrayList<>();
        SemanticNode body = next.getBody();
        List<SemanticNode> disjuncts = new ArrayList<>();
        if (body instanceof OpApplNode a && isOp(a, "$DisjList", "\\lor")) {
            for (ExprOrOpArgNode d : a.getArgs()) {
                disjuncts.add(d);
            }
        } else {
            disjuncts.add(body);
        }
        for (SemanticNode d : disjuncts) {
            List<FormalParamNode> params = new ArrayList<>();
            List<ExprNode> bounds = new ArrayList<>();
            SemanticNode step = d;
            if (d instanceof OpApplNode q && isOp(q, "$BoundedExists")) {
                FormalParamNode[][] lists = q.getBdedQuantSymbolLists();
                ExprNode[] domains = q.getBdedQuantBounds();
                for (int k = 0; k < lists.length; k++) {
                    if (q.isBdedQuantATuple()[k]) {
                        throw new SpecLoadException("Next binds a tuple " + d.getLocation()
                                + ": conform expects \\E x \\in S : Step(x)", null);
                    }
                    for (FormalParamNode p : lists[k]) {
                        params.add(p);
                        bounds.add(domains[k]);
                    }
                }
                step = q.getArgs()[0];
            }
            if (!(step instanceof OpApplNode app) || !(app.getOperator() instanceof OpDefNode)) {
                throw new SpecLoadException("a disjunct of Next at " + d.getLocation()
                        + " is not an application of an action operator: conform names each step after one", null);
            }
            String name = app.getOperator().getName().toString().replaceFirst("Step$", "");
            out.add(new ActionFamily(name, params, bounds, step));
        }
        return out;
    }

    private static boolean isOp(OpApplNode a, String... names) {
        String n = a.getOperator().getName().toString();
        for (String x : names) {
            if (n.equals(x)) {
                return true;
            }
        }
        return false;
    }

    /** Every successor of {@code s} under Next, each with the action and parameters that produce it. */
    public List<SpecStep> successors(TLCState s) {
        List<SpecStep> out = new ArrayList<>();
        for (ActionFamily f : families) {
            successors(f, s, out);
        }
        return out;
    }

    /** The successors of {@code s} under one action of Next. */
    public void successors(ActionFamily f, TLCState s, List<SpecStep> out) {
        List<List<Value>> domains = new ArrayList<>();
        for (ExprNode b : f.bounds()) {
            domains.add(elements((Value) eval.tool().eval(b, Context.Empty, s)));
        }
        List<String> names = f.paramNames();
        Value[] args = new Value[domains.size()];
        bindAll(f, s, domains, 0, args, names, out);
    }

    private void bindAll(ActionFamily f, TLCState s, List<List<Value>> domains, int k, Value[] args, List<String> names,
            List<SpecStep> out) {
        if (k == domains.size()) {
            Context c = Context.Empty;
            for (int p = 0; p < args.length; p++) {
                c = c.cons(f.params().get(p), args[p]);
            }
            StateVec next = eval.tool().getNextStates(new Action(f.body(), c), s);
            for (int j = 0; j < next.size(); j++) {
                out.add(new SpecStep(f.name(), names, List.of(args), next.elementAt(j)));
            }
            return;
        }
        for (Value v : domains.get(k)) {
            args[k] = v;
            bindAll(f, s, domains, k + 1, args, names, out);
        }
    }

    private static List<Value> elements(Value set) {
        if (!(set instanceof Enumerable e)) {
            throw new IllegalStateException("not an enumerable set: " + set);
        }
        return e.elements().all();
    }

    private static String unquote(String s) {
        return Messages.unquote(s);
    }

    public TLCState init() {
        return init;
    }

    public List<ActionFamily> families() {
        return families;
    }

    public List<String> actionNames() {
        return families.stream().map(ActionFamily::name).toList();
    }

    /** Server model values by name, in the order TLC enumerates {@code Server}. */
    public Map<String, Value> servers() {
        return servers;
    }

    /** Client commands by name ({@code v1}). */
    public Map<String, Value> values() {
        return values;
    }

    public Value nil() {
        return nil;
    }

    /**
     * Whether the model's servers use pre-vote: Raft.tla's {@code PreVoteEnabled} as the model gives it (a model
     * with pre-vote substitutes {@code PreVoteEnabled <- PreVoteOn}); false for a spec without pre-vote.
     */
    public boolean preVote() {
        return flag("PreVoteEnabled");
    }

    /**
     * Whether the model's leaders check for a quorum: Raft.tla's {@code CheckQuorumEnabled} as the model gives it
     * ({@code CheckQuorumEnabled <- CheckQuorumOn}); false for a spec without CheckQuorum.
     */
    public boolean checkQuorum() {
        return flag("CheckQuorumEnabled");
    }

    /** A constant-level Boolean operator of the spec as the model substitutes it; false when the spec lacks it. */
    private boolean flag(String name) {
        if (!eval.hasOperator(name)) {
            return false;
        }
        OpDefNode def = eval.operator(name);
        Object v = eval.tool().lookup(def);
        if (v instanceof OpDefNode sub) {
            v = eval.tool().eval(sub.getBody(), Context.Empty, init);
        } else if (!(v instanceof Value)) {
            v = eval.tool().eval(def.getBody(), Context.Empty, init);
        }
        return v instanceof tlc2.value.impl.BoolValue b && b.val;
    }

    /** Whether the spec has the state variable {@code name}. */
    public boolean hasVariable(String name) {
        return init.lookup(name) != null;
    }

    public String modelName() {
        return modelName;
    }

    public SpecEvaluator evaluator() {
        return eval;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        deleteTree(dir);
        STAGED.remove(dir);
    }

    private static void deleteTree(Path d) {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> all = Files.walk(d)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
