package dev.dsverify.trace.replay;

import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.OpDefNode;
import tlc2.tool.Action;
import tlc2.tool.EvalControl;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.Context;
import tlc2.value.IValue;
import tlc2.value.impl.Value;
import util.SimpleFilenameToStream;
import util.ToolIO;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TLC's own evaluator ({@link FastTool}) loaded with one specification, used one step at a time: the initial
 * states of the cfg's INIT, the successors of a state under an operator applied to an argument, and the value
 * of an operator in a state. Everything is evaluated by TLC, so a step is allowed exactly when TLC would allow it.
 *
 * <p>TLC keeps per-specification state in static fields, so a JVM holds one evaluator at a time; callers
 * serialise through {@link #LOCK}.
 */
public final class SpecEvaluator {
    /** Guards TLC's static state: only one evaluator may be built or used at a time in a JVM. */
    public static final Object LOCK = new Object();

    private final FastTool tool;
    private final Map<String, OpDefNode> ops = new HashMap<>();

    /** How many specs this JVM has loaded: TLC's static state belongs to the latest one only. */
    private static long loads;
    private final long generation;

    private SpecEvaluator(FastTool tool) {
        this.tool = tool;
        this.generation = loads;
        for (OpDefNode d : tool.getRootModule().getOpDefs()) {
            ops.put(d.getName().toString(), d);
        }
    }

    /** Parses {@code dir/module.tla} with {@code dir/cfg.cfg}; TLC's chatter is captured and shown only on failure. */
    public static SpecEvaluator load(Path dir, String module, String cfg) throws SpecLoadException {
        return load(dir, module, cfg, dir.toAbsolutePath().toString());
    }

    /** As {@link #load(Path, String, String)}, looking for modules in {@code libraryPath}, in order. */
    public static SpecEvaluator load(Path dir, String module, String cfg, String... libraryPath) throws SpecLoadException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream out = ToolIO.out;
        PrintStream err = ToolIO.err;
        PrintStream sysOut = System.out;
        ToolIO.out = sink;
        ToolIO.err = sink;
        System.setOut(sink);
        try {
            // TLC records where a variable or definition lives on its interned name (UniqueString's loc), and
            // the records of a spec loaded earlier in this JVM outlive it: a name that was a variable or a
            // definition there is misread here (e.g. "DsverifyInit cannot be a constant" after a Raft replay).
            // The intern table itself must stay (SANY's built-in operators hold its strings): forget the locations.
            for (util.UniqueString s : util.UniqueString.internTbl.toMap().values()) {
                s.setLoc(-1);
            }
            loads++;
            // TLC's fingerprints need FP64's tables, which tlc2.TLC fills at startup: without them every state
            // fingerprints to 0 and states that differ count as one. Polynomial 0 is TLC's default (-fp 0).
            tlc2.util.FP64.Init(0);
            String d = dir.toAbsolutePath().toString();
            // TLC's standard modules from a directory of this JVM's own, never from the copies in java.io.tmpdir
            // that every JVM on the machine rewrites (StandardModules says why)
            String[] path = Arrays.copyOf(libraryPath, libraryPath.length + 1);
            path[libraryPath.length] = StandardModules.dir().toString();
            FastTool tool = new FastTool(d, module, dir.resolve(cfg).toAbsolutePath().toString(), // TLC appends .cfg
                    new SimpleFilenameToStream(path));
            return new SpecEvaluator(tool);
        } catch (VirtualMachineError e) {
            throw e; // out of memory or stack: a failure of this run, not something wrong with the spec
        } catch (RuntimeException | Error e) {
            throw new SpecLoadException("TLC could not load " + module + ": " + e.getMessage() + "\n"
                    + captured.toString(StandardCharsets.UTF_8).trim(), e);
        } finally {
            ToolIO.out = out;
            ToolIO.err = err;
            System.setOut(sysOut);
        }
    }

    /**
     * Whether TLC's static state is still this evaluator's: false once another spec was loaded in this JVM,
     * after which this evaluator must be loaded again before use.
     */
    public boolean isCurrent() {
        return generation == loads;
    }

    public List<TLCState> initStates() {
        StateVec v = tool.getInitStates();
        List<TLCState> out = new ArrayList<>(v.size());
        for (int k = 0; k < v.size(); k++) {
            out.add(v.elementAt(k));
        }
        return out;
    }

    public boolean hasOperator(String name) {
        return ops.containsKey(name);
    }

    public OpDefNode operator(String name) {
        OpDefNode d = ops.get(name);
        if (d == null) {
            throw new IllegalArgumentException("the spec defines no operator " + name);
        }
        return d;
    }

    /** Binds the parameters of {@code op} to {@code args}. */
    public Context bind(OpDefNode op, Value... args) {
        FormalParamNode[] params = op.getParams();
        if (params.length != args.length) {
            throw new IllegalArgumentException(op.getName() + " takes " + params.length + " arguments, not " + args.length);
        }
        Context c = Context.Empty;
        for (int k = 0; k < params.length; k++) {
            c = c.cons(params[k], args[k]);
        }
        return c;
    }

    /** All successors of {@code state} under the action {@code op(args)}. */
    public StateVec successors(String op, TLCState state, Value... args) {
        OpDefNode d = operator(op);
        return tool.getNextStates(new Action(d.getBody(), bind(d, args), d), state);
    }

    /** The value of the state-level expression {@code op(args)} in {@code state}. */
    public IValue eval(String op, TLCState state, Value... args) {
        OpDefNode d = operator(op);
        return tool.eval(d.getBody(), bind(d, args), state);
    }

    /** The value of the action-level expression {@code op(args)} on the step from {@code s0} to {@code s1}. */
    public IValue evalStep(String op, TLCState s0, TLCState s1, Value... args) {
        OpDefNode d = operator(op);
        return tool.eval(d.getBody(), bind(d, args), s0, s1, EvalControl.Clear);
    }

    public FastTool tool() {
        return tool;
    }
}
