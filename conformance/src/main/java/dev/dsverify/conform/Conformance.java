package dev.dsverify.conform;

import dev.dsverify.conform.code.CodeCluster;
import dev.dsverify.conform.code.Projection;
import dev.dsverify.conform.drive.ActionTable;
import dev.dsverify.conform.drive.Attempt;
import dev.dsverify.conform.drive.Driving;
import dev.dsverify.conform.spec.ActionFamily;
import dev.dsverify.conform.spec.Bag;
import dev.dsverify.conform.spec.Messages;
import dev.dsverify.conform.spec.SpecModel;
import dev.dsverify.conform.spec.SpecStep;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaValue;
import dev.dsverify.runner.value.TlaValues;
import dev.dsverify.trace.replay.ShownValue;
import dev.dsverify.trace.replay.SpecEvaluator;
import dev.dsverify.trace.replay.SpecLoadException;
import tlc2.tool.TLCState;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.Value;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Drives the Raft core along behaviours of Raft.tla and checks, after every step, that the code's state and
 * network equal the spec's next state: random walks, or every distinct state of the model's graph.
 *
 * <p>Each spec step becomes one input of the code ({@link ActionTable}); the code's servers run step by step
 * ({@link RaftNode#isStepByStep()}), so one input takes one spec step. A step fails in one of three ways
 * ({@link FailureKind}): the code refuses it, ignores it or takes another step (it cannot take the step); it
 * takes the step and ends elsewhere (it takes it differently); or, offered a step the spec does not enable
 * ({@link ActionTable#REFUSED_WHEN_DISABLED}), it takes it.
 */
public final class Conformance {
    /** The protocol variables a report shows, in Raft.tla's order. */
    private static final List<String> SHOWN = List.of("currentTerm", "votedFor", "log", "snapshotIndex", "role",
            "commitIndex", "votesGranted", "nextIndex", "matchIndex", "heardFrom", "preCandidate", "preVotesGranted",
            "messages");

    private final SpecModel model;
    private final ConformOptions options;
    private final Projection projection;
    private final List<String> ids;
    /** The per-server variables of {@link Projection#SERVER_VARS} this spec has (a variant may lack some). */
    private final List<String> serverVars;
    private final List<String> shown;
    private final boolean preVote;
    private final boolean checkQuorum;
    private final Set<Long> visited = new HashSet<>();
    private final Map<String, Long> actions = new LinkedHashMap<>();
    private final Set<String> enabled = new HashSet<>();
    private long steps;
    private long untimed;
    /** Per action, the offered steps the spec did not enable that the code refused. */
    private final Map<String, Long> refused = new java.util.TreeMap<>();
    private long paths;
    private long specStates;

    private Conformance(SpecModel model, ConformOptions options) {
        this.model = model;
        this.options = options;
        this.projection = new Projection(model);
        this.ids = List.copyOf(model.servers().keySet());
        this.serverVars = Projection.SERVER_VARS.stream().filter(model::hasVariable).toList();
        this.shown = SHOWN.stream().filter(model::hasVariable).toList();
        this.preVote = model.preVote();
        this.checkQuorum = model.checkQuorum();
        for (String a : model.actionNames()) {
            actions.put(a, 0L);
        }
    }

    /**
     * Runs a check.
     *
     * @throws SpecLoadException the spec or model does not load, or is not a model of Raft.tla
     * @throws dev.dsverify.conform.drive.UnmappedActionException the spec has an action conform cannot drive
     */
    public static ConformResult run(ConformOptions options) throws SpecLoadException {
        long start = System.nanoTime();
        synchronized (SpecEvaluator.LOCK) {
            try (SpecModel model = SpecModel.load(options.spec(), options.model())) {
                for (String a : model.actionNames()) {
                    ActionTable.driver(a); // an unmapped action is an error before anything is driven
                }
                Conformance c = new Conformance(model, options);
                Failure f = options.exhaustive() ? c.exhaustive() : c.walks();
                Long total = options.exhaustive() && f == null ? c.specStates : null;
                return new ConformResult(options, f, new Coverage(c.visited.size(), total, c.actions, c.enabled,
                        c.untimed, c.refused), c.paths,
                        c.steps, c.specStates, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    // ------------------------------------------------------------------ random walks

    private Failure walks() {
        Random random = new Random(options.seed());
        specStates = 1;
        for (int w = 1; w <= options.walks(); w++) {
            paths++;
            CodeCluster code = new CodeCluster(ids, options.bugs(), preVote, checkQuorum);
            List<TLCState> states = new ArrayList<>(List.of(model.init()));
            List<String> labels = new ArrayList<>(List.of("Initial predicate"));
            Failure f = checkInit(code, w);
            if (f != null) {
                return f;
            }
            TLCState s = model.init();
            int heard = 0; // the servers that hear from a leader, as the code's clock-free servers do (Timing)
            for (int d = 1; d <= options.depth(); d++) {
                List<SpecStep> next = model.successors(s);
                specStates += next.size();
                next.forEach(st -> enabled.add(st.action()));
                if (next.isEmpty()) {
                    break;
                }
                final TLCState from = s;
                final int hears = heard;
                List<SpecStep> timed = next.stream()
                        .filter(st -> Timing.drivable(model, st, from, id -> (hears & Timing.bit(ids, id)) != 0))
                        .toList();
                untimed += next.size() - timed.size();
                if (timed.isEmpty()) {
                    break;
                }
                SpecStep step = timed.get(random.nextInt(timed.size()));
                f = drive(step, s, code, states, labels, w, d, true);
                if (f != null) {
                    return f;
                }
                heard = preVote ? Timing.heardAfter(step, s, heard, ids) : 0;
                s = step.next();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the whole state graph

    /** A state of the search tree: reached from {@code parent} by {@code via}, with who hears from a leader there. */
    private record Node(TLCState state, int parent, SpecStep via, int heard, boolean timed) {
    }

    /** A state as the code may be in it: its fingerprint and which servers hear from a leader ({@link Timing}). */
    private record Key(long fingerprint, int heard) {
    }

    /**
     * Explores the model breadth-first (one state per fingerprint, as TLC counts them), then drives the code along
     * the path from the initial state to every leaf of the search tree: together they pass every distinct state.
     * The tree keeps only steps the code's timing allows ({@link Timing}): a state is expanded once per set of
     * servers that hear from a leader, and the states reached only through a step that rests on other timing are
     * explored without being driven, so that the total is still the model's.
     */
    private Failure exhaustive() {
        List<Node> nodes = new ArrayList<>();
        List<Boolean> inner = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        Set<Long> all = new HashSet<>();
        nodes.add(new Node(model.init(), -1, null, 0, true));
        inner.add(false);
        seen.add(new Key(model.init().fingerPrint(), 0));
        all.add(model.init().fingerPrint());
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            int k = queue.poll();
            Node n = nodes.get(k);
            for (SpecStep st : model.successors(n.state())) {
                enabled.add(st.action());
                long fp = st.next().fingerPrint();
                boolean timed = n.timed()
                        && Timing.drivable(model, st, n.state(), id -> (n.heard() & Timing.bit(ids, id)) != 0);
                if (timed) {
                    // only pre-vote answers depend on it: without pre-vote, one expansion per state as in TLC
                    int heard = preVote ? Timing.heardAfter(st, n.state(), n.heard(), ids) : 0;
                    if (!seen.add(new Key(fp, heard))) {
                        continue;
                    }
                    inner.set(k, true);
                    all.add(fp);
                    nodes.add(new Node(st.next(), k, st, heard, true));
                } else {
                    if (n.timed()) {
                        untimed++;
                    }
                    if (!all.add(fp)) {
                        continue;
                    }
                    nodes.add(new Node(st.next(), k, st, 0, false)); // counted, never driven
                }
                inner.add(false);
                queue.add(nodes.size() - 1);
            }
        }
        specStates = all.size();
        boolean[] checked = new boolean[nodes.size()];
        for (int leaf = 0; leaf < nodes.size(); leaf++) {
            if (inner.get(leaf) || !nodes.get(leaf).timed()) {
                continue;
            }
            paths++;
            List<Integer> path = new ArrayList<>();
            for (int k = leaf; k > 0; k = nodes.get(k).parent()) {
                path.add(0, k);
            }
            CodeCluster code = new CodeCluster(ids, options.bugs(), preVote, checkQuorum);
            List<TLCState> shown = new ArrayList<>(List.of(model.init()));
            List<String> labels = new ArrayList<>(List.of("Initial predicate"));
            if (!checked[0]) {
                Failure f = checkInit(code, (int) paths);
                if (f != null) {
                    return f;
                }
                checked[0] = true;
            }
            for (int d = 0; d < path.size(); d++) {
                Node n = nodes.get(path.get(d));
                TLCState from = nodes.get(n.parent()).state();
                Failure f = drive(n.via(), from, code, shown, labels, (int) paths, d + 1, !checked[path.get(d)]);
                if (f != null) {
                    return f;
                }
                checked[path.get(d)] = true;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ one step

    private Failure checkInit(CodeCluster code, int walk) {
        visited.add(model.init().fingerPrint());
        List<Diff> diffs = compare(model.init(), code);
        if (diffs.isEmpty()) {
            return null;
        }
        List<TLCState> states = List.of(model.init());
        return failure(FailureKind.TAKES_STEP_DIFFERENTLY, walk, 0, "Initial predicate", "start", diffs,
                List.of("the code's servers do not start in the spec's initial state"), states,
                List.of("Initial predicate"), code);
    }

    /**
     * Drives {@code step} from {@code before} in the code and compares; {@code check} false only re-drives a
     * step already checked on an earlier path (the code is deterministic), which then is neither compared again
     * nor counted.
     */
    private Failure drive(SpecStep step, TLCState before, CodeCluster code, List<TLCState> states, List<String> labels,
            int walk, int d, boolean check) {
        Map<String, Map<String, Value>> pre = check ? snapshot(code) : Map.of();
        List<String> guards = check ? CodeGuards.explain(step, code, projection) : List.of();
        Attempt a = ActionTable.driver(step.action()).drive(new Driving(step, before, code, projection));
        states.add(step.next());
        labels.add(step.label());
        if (!check) {
            return null;
        }
        String label = step.label();
        if (a.refused()) {
            List<String> why = new ArrayList<>();
            why.add("the code refused the input " + a.input() + ": its guard for " + step.action()
                    + " is false here, where the spec's holds");
            why.addAll(guards);
            why.add(CodeGuards.describe(code, serverOf(step)));
            return failure(FailureKind.CANNOT_TAKE_STEP, walk, d, label, a.input(), compare(step.next(), code), why,
                    states, labels, code);
        }
        if (!a.effect().events().equals(a.expected())) {
            String took = a.effect().events().isEmpty() ? "ignored it (no step reported)"
                    : "took " + String.join(", ", a.effect().events()) + " instead";
            List<String> why = new ArrayList<>(List.of("given " + a.input() + ", the code " + took));
            why.addAll(guards);
            return failure(FailureKind.CANNOT_TAKE_STEP, walk, d, label, a.input(), compare(step.next(), code), why,
                    states, labels, code);
        }
        List<Diff> diffs = compare(step.next(), code);
        if (!diffs.isEmpty()) {
            boolean less = didLess(diffs, pre);
            List<String> why = new ArrayList<>();
            if (less) {
                why.add("the code took " + step.action() + " but refused what the spec's step does: it left "
                        + String.join(", ", diffs.stream().filter(x -> x.server() != null).map(Diff::field).toList())
                        + " unchanged" + (diffs.stream().anyMatch(x -> x.server() == null) ? " and answered no" : ""));
                why.addAll(guards);
            }
            diffs.forEach(x -> why.add(x.reason()));
            return failure(less ? FailureKind.CANNOT_TAKE_STEP : FailureKind.TAKES_STEP_DIFFERENTLY, walk, d, label,
                    a.input(), diffs, why, states, labels, code);
        }
        steps++;
        actions.merge(step.action(), 1L, Long::sum);
        if (!visited.add(step.next().fingerPrint())) {
            return null; // its refusals were checked when it was first reached
        }
        return offerDisabled(step.next(), code, states, labels, walk, d);
    }

    /**
     * Offers the code each step of {@link ActionTable#REFUSED_WHEN_DISABLED} that the spec does not enable in
     * {@code s}, at every server (and towards every peer): it must refuse. A step a model bound disables (its first
     * false guard is a {@code ...Bound}) is not offered: the code has no such bound.
     */
    private Failure offerDisabled(TLCState s, CodeCluster code, List<TLCState> states, List<String> labels, int walk,
            int d) {
        for (ActionFamily f : model.families()) {
            if (!ActionTable.REFUSED_WHEN_DISABLED.contains(f.name())) {
                continue;
            }
            boolean toPeer = f.paramNames().equals(List.of("i", "j"));
            if (!toPeer && !f.paramNames().equals(List.of("i"))) {
                continue;
            }
            List<SpecStep> enabled = new ArrayList<>();
            model.successors(f, s, enabled);
            for (String id : ids) {
                for (String peer : toPeer ? ids : List.of(id)) {
                    if (toPeer && peer.equals(id)) {
                        continue;
                    }
                    List<Value> args = toPeer ? List.of(projection.server(id), projection.server(peer))
                            : List.of(projection.server(id));
                    if (enabled.stream().anyMatch(st -> st.args().toString().equals(args.toString()))) {
                        continue;
                    }
                    List<String> guards = dev.dsverify.conform.spec.SpecGuards.falseGuards(model, f.name(), args, s);
                    if (!guards.isEmpty() && guards.get(0).contains("Bound")) {
                        continue; // disabled by a bound of the model only
                    }
                    SpecStep offered = new SpecStep(f.name(), f.paramNames(), args, s);
                    Attempt a = ActionTable.driver(f.name()).drive(new Driving(offered, s, code, projection));
                    if (!a.refused() || !a.effect().events().isEmpty()) {
                        List<Diff> diffs = compare(s, code);
                        List<String> why = new ArrayList<>(List.of("the spec's " + offered.label()
                                + " is not enabled here" + (guards.isEmpty() ? "" : ": " + String.join("; ", guards))
                                + "; yet the code took " + a.input()
                                + (a.effect().events().isEmpty() ? "" : " (it reported "
                                        + String.join(", ", a.effect().events()) + ")")));
                        diffs.forEach(x -> why.add(x.reason()));
                        return failure(FailureKind.TAKES_FORBIDDEN_STEP, walk, d, offered.label(), a.input(), diffs,
                                why, new ArrayList<>(states), new ArrayList<>(labels), code);
                    }
                    refused.merge(f.name(), 1L, Long::sum);
                }
            }
        }
        return offerCompaction(s, code, states, labels, walk, d);
    }

    /**
     * Offers each server a compaction one entry beyond what Raft.tla's {@code CompactLog(i, k)} allows in {@code s}
     * (the action itself: the model's bound on how many compactions happen is no guard of the code's): it must
     * refuse. A snapshot covering an entry the server does not know is committed cannot be undone.
     */
    private Failure offerCompaction(TLCState s, CodeCluster code, List<TLCState> states, List<String> labels, int walk,
            int d) {
        if (!model.evaluator().hasOperator("CompactLog") || !model.hasVariable("snapshotIndex")) {
            return null;
        }
        for (String id : ids) {
            Value i = projection.server(id);
            int from = num(s, "snapshotIndex", i) + 1;
            int len = ((tlc2.value.impl.TupleValue) ((FcnRcdValue) ((Value) s.lookup("log")).toFcnRcd()).select(i)
                    .toTuple()).size();
            for (int k = from; k <= len; k++) {
                if (model.evaluator().successors("CompactLog", s, i, tlc2.value.impl.IntValue.gen(k)).size() > 0) {
                    continue;
                }
                // the first k the spec does not allow
                boolean took = code.compact(id, k);
                CodeCluster.Effect e = code.settle(id);
                if (took || !e.events().isEmpty()) {
                    String input = id + ".compactNow(" + k + ", state machine up to " + k + ")";
                    String label = "CompactLog(" + id + ", " + k + ")";
                    List<Diff> diffs = compare(s, code);
                    List<String> why = new ArrayList<>(List.of("the spec's " + label + " is not enabled here (Raft.tla's"
                            + " CompactLog(i, k) has no successor: k is beyond CompactLimit(i)); yet the code took "
                            + input));
                    diffs.forEach(x -> why.add(x.reason()));
                    return failure(FailureKind.TAKES_FORBIDDEN_STEP, walk, d, label, input, diffs, why,
                            new ArrayList<>(states), new ArrayList<>(labels), code);
                }
                break;
            }
        }
        return null;
    }

    private static int num(TLCState s, String var, Value server) {
        return ((tlc2.value.impl.IntValue) ((FcnRcdValue) ((Value) s.lookup(var)).toFcnRcd()).select(server)).val;
    }

    private static String serverOf(SpecStep step) {
        if (step.has("i")) {
            return step.arg("i").toString();
        }
        return step.has("m") ? Messages.field(step.arg("m"), "to").toString() : null;
    }

    // ------------------------------------------------------------------ comparing

    /** One variable at one server (or the network, {@code server} null) where the code and the spec differ. */
    record Diff(String field, String server, Value spec, Value code, String reason) {
    }

    private List<Diff> compare(TLCState s, CodeCluster code) {
        List<Diff> out = new ArrayList<>();
        for (String var : serverVars) {
            FcnRcdValue f = (FcnRcdValue) ((Value) s.lookup(var)).toFcnRcd();
            for (String id : ids) {
                Value spec = specAt(f, var, id);
                Value mine = projection.at(var, code.node(id));
                if (!spec.equals(mine)) {
                    out.add(new Diff(var + "[" + id + "]", id, spec, mine, var + "[" + id + "]: spec "
                            + ShownValue.of(spec, false) + ", code " + ShownValue.of(mine, false)));
                }
            }
        }
        Bag spec = Messages.bag((Value) s.lookup("messages"));
        Bag mine = projection.bag(code.network());
        Bag extra = mine.minus(spec);
        if (!extra.isEmpty()) {
            List<String> parts = new ArrayList<>();
            String oneField = oneMessageDiffers(extra);
            if (oneField != null) {
                parts.add(oneField);
            } else {
            if (!extra.added().isEmpty()) {
                parts.add("the code has in flight " + ShownValue.of(extra.added(), false)
                        + ", which the spec's messages lack");
            }
            if (!extra.removed().isEmpty()) {
                parts.add("the spec has in flight " + ShownValue.of(extra.removed(), false)
                        + ", which the code's network lacks");
            }
            }
            out.add(new Diff("messages", null, Projection.bagValue(spec), Projection.bagValue(mine),
                    "messages: " + String.join("; ", parts)));
        }
        return out;
    }

    /**
     * When the networks differ in one message of the same type, sender, receiver and term, the fields that differ
     * in it ({@code RequestVoteResponse s3->s1 t1: voteGranted spec FALSE, code TRUE}); else null.
     */
    private static String oneMessageDiffers(Bag extra) {
        if (extra.added().size() != 1 || extra.removed().size() != 1) {
            return null;
        }
        Value code = extra.added().get(0);
        Value spec = extra.removed().get(0);
        if (!Messages.brief(code).equals(Messages.brief(spec))) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        tlc2.value.impl.RecordValue r = (tlc2.value.impl.RecordValue) spec.toRcd();
        for (util.UniqueString n : r.names) {
            Value a = Messages.field(spec, n.toString());
            Value b = Messages.field(code, n.toString());
            if (b == null || !a.equals(b)) {
                fields.add(n + " spec " + ShownValue.of(a, false) + ", code " + ShownValue.of(b, false));
            }
        }
        return "the message " + Messages.brief(spec) + " differs: " + String.join("; ", fields);
    }

    /** The spec's {@code var[id]}; nextIndex and matchIndex without the server's own entry, which the code lacks. */
    private Value specAt(FcnRcdValue f, String var, String id) {
        Value v = f.select(projection.server(id));
        if (!var.equals("nextIndex") && !var.equals("matchIndex")) {
            return v;
        }
        FcnRcdValue g = (FcnRcdValue) v.toFcnRcd();
        List<Value> dom = new ArrayList<>();
        List<Value> vals = new ArrayList<>();
        for (int k = 0; k < g.domain.length; k++) {
            if (!g.domain[k].toString().equals(id)) {
                dom.add(g.domain[k]);
                vals.add(g.values[k]);
            }
        }
        return new FcnRcdValue(dom.toArray(Value[]::new), vals.toArray(Value[]::new), false);
    }

    private Map<String, Map<String, Value>> snapshot(CodeCluster code) {
        Map<String, Map<String, Value>> out = new HashMap<>();
        for (String id : ids) {
            Map<String, Value> vars = new HashMap<>();
            for (String var : serverVars) {
                vars.put(var, projection.at(var, code.node(id)));
            }
            out.put(id, vars);
        }
        return out;
    }

    /**
     * Whether the code did less than the spec's step: every variable that differs kept its value in the code
     * while the spec changed it, and a differing reply is one that refuses where the spec's accepts.
     */
    private static boolean didLess(List<Diff> diffs, Map<String, Map<String, Value>> pre) {
        for (Diff x : diffs) {
            if (x.server() == null) {
                if (!refusalInsteadOfAcceptance(x)) {
                    return false;
                }
                continue;
            }
            Value before = pre.get(x.server()).get(x.field().substring(0, x.field().indexOf('[')));
            if (!x.code().equals(before) || x.spec().equals(before)) {
                return false;
            }
        }
        return true;
    }

    /** The networks differ in one reply only, refusing ({@code FALSE}) in the code and accepting in the spec. */
    private static boolean refusalInsteadOfAcceptance(Diff x) {
        Bag d = Messages.bag(x.code()).minus(Messages.bag(x.spec()));
        List<Value> code = d.added();
        List<Value> spec = d.removed();
        if (code.size() != 1 || spec.size() != 1) {
            return false;
        }
        for (String flag : List.of("voteGranted", "success")) {
            Value c = Messages.field(code.get(0), flag);
            Value s = Messages.field(spec.get(0), flag);
            if (c != null && s != null) {
                return c.equals(BoolValue.ValFalse) && s.equals(BoolValue.ValTrue);
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ reporting

    private Failure failure(FailureKind kind, int walk, int d, String action, String input, List<Diff> diffs,
            List<String> reasons, List<TLCState> states, List<String> labels, CodeCluster code) {
        List<TraceState> shown = new ArrayList<>();
        for (int k = 0; k < states.size(); k++) {
            shown.add(row(k + 1, (k + 1 == states.size() && d > 0 ? "spec: " : "") + labels.get(k), vars(states.get(k))));
        }
        TLCState last = states.get(states.size() - 1);
        shown.add(row(states.size() + 1, "code after " + input, codeVars(last, code)));
        return new Failure(kind, walk, d, action, input, diffs.stream().map(Diff::field).toList(), reasons, shown);
    }

    private static TraceState row(int n, String label, Map<String, TlaValue> vars) {
        return new TraceState(n, label, null, vars);
    }

    private Map<String, TlaValue> vars(TLCState s) {
        Map<String, TlaValue> out = new LinkedHashMap<>();
        for (String v : shown) {
            out.put(v, tla((Value) s.lookup(v)));
        }
        return out;
    }

    /** The code's state as the spec's variables (nextIndex[i][i] and matchIndex[i][i], which the code lacks, from the spec). */
    private Map<String, TlaValue> codeVars(TLCState spec, CodeCluster code) {
        Map<String, TlaValue> out = new LinkedHashMap<>();
        Value[] servers = ids.stream().map(projection::server).toArray(Value[]::new);
        for (String var : serverVars) {
            Value[] vals = new Value[ids.size()];
            for (int k = 0; k < ids.size(); k++) {
                Value mine = projection.at(var, code.node(ids.get(k)));
                if (var.equals("nextIndex") || var.equals("matchIndex")) {
                    FcnRcdValue own = (FcnRcdValue) ((FcnRcdValue) ((Value) spec.lookup(var)).toFcnRcd())
                            .select(servers[k]).toFcnRcd();
                    FcnRcdValue peers = (FcnRcdValue) mine.toFcnRcd();
                    Value[] full = new Value[servers.length];
                    for (int j = 0; j < servers.length; j++) {
                        full[j] = j == k ? own.select(servers[j]) : peers.select(servers[j]);
                    }
                    mine = new FcnRcdValue(servers, full, false);
                }
                vals[k] = mine;
            }
            out.put(var, tla(new FcnRcdValue(servers, vals, false)));
        }
        out.put("messages", tla(Projection.bagValue(projection.bag(code.network()))));
        return out;
    }

    private static TlaValue tla(Value v) {
        try {
            return TlaValues.parse(v.toString());
        } catch (RuntimeException e) {
            return TlaValues.parse("\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
    }
}
