package dev.dsverify.trace;

import dev.dsverify.trace.log.JsonLogReader;
import dev.dsverify.trace.log.LogMerger;
import dev.dsverify.trace.log.LogRecord;
import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.replay.Replay;
import dev.dsverify.trace.replay.Replayer;
import dev.dsverify.trace.replay.ShownValue;
import dev.dsverify.trace.replay.SourceText;
import dev.dsverify.trace.replay.SpecEvaluator;
import dev.dsverify.trace.replay.SpecLoadException;
import dev.dsverify.trace.replay.StepDiagnosis;
import dev.dsverify.trace.tla.LoadedLog;
import tlc2.tool.TLCState;
import tlc2.value.impl.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks logs of any system against a user's trace spec: a module that EXTENDS the system's spec and
 * {@code TraceValidation} and defines {@code TraceInit} and {@code ReplayStep(e)}.
 *
 * <p>The trace spec is not changed. A small driver module, {@value #DRIVER}, is staged beside the shipped
 * TraceValidation.tla in a temporary directory; it extends the trace spec and adds the cursor the engine owns:
 * <pre>
 * DsverifyInit    == TraceInit /\ dsverifyLine = 1
 * DsverifyStep(e) == ReplayStep(e) /\ dsverifyLine' = dsverifyLine + 1
 * </pre>
 * The trace spec's own directory (and the system spec's, when given) stay on TLC's library path, so its modules are
 * read where they are. The replay itself is {@link Replayer}'s level-by-level search; a plain TLC run of the driver
 * with {@value #CHECK_CFG} (invariant {@code DsverifyNotAllExplained}) gives the same verdict.
 */
public final class TraceSpecValidator {
    /** The staged module extending the user's trace spec with the engine's cursor. */
    public static final String DRIVER = "DsverifyReplay";
    /** The cfg for a plain TLC run of the driver: MATCH iff DsverifyNotAllExplained is violated. */
    public static final String CHECK_CFG = "DsverifyCheck.cfg";
    static final String REPLAY_CFG = "DsverifyReplay";
    static final String STEP = "DsverifyStep";
    static final String CURSOR = "dsverifyLine";
    private static final int MAX_STATES_SHOWN = 5;
    private static final Set<String> CFG_KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "INIT", "NEXT", "SPECIFICATION",
            "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CONSTRAINT", "CONSTRAINTS", "ACTION_CONSTRAINT",
            "ACTION_CONSTRAINTS", "SYMMETRY", "VIEW", "CHECK_DEADLOCK", "POSTCONDITION", "ALIAS");


    private static String loadedKey;
    private static SpecEvaluator evaluator;
    private static Staged loaded;

    /**
     * A staged trace spec.
     *
     * @param dir        the temporary directory holding the driver, TraceValidation.tla and the cfgs
     * @param libraryPath where TLC looks for modules: {@code dir}, then the trace spec's directory, then the system
     *                   spec's
     */
    public record Staged(Path dir, List<Path> libraryPath) {
    }

    /** What to replay: the trace spec, its cfg (null: {@code T.cfg} beside it if present), the system spec (or null). */
    public record Options(Path traceSpec, Path config, Path systemSpec, boolean fullState) {
    }

    private TraceSpecValidator() {
    }

    public static TraceResult validate(Path traceSpec, List<Path> traceFiles) throws TraceFormatException, SpecLoadException {
        return validate(new Options(traceSpec, null, null, false), traceFiles);
    }

    /**
     * Validates the log made of {@code traceFiles} (merged by Lamport clock when there are several).
     *
     * @throws TraceFormatException a file is not NDJSON of TLA+-representable values, or the files cannot be ordered
     * @throws SpecLoadException    the trace spec or its cfg is missing, does not parse, or lacks TraceInit/ReplayStep
     */
    public static TraceResult validate(Options o, List<Path> traceFiles) throws TraceFormatException, SpecLoadException {
        long start = System.nanoTime();
        if (traceFiles.isEmpty()) {
            throw new IllegalArgumentException("no trace files");
        }
        List<List<LogRecord>> parsed = new ArrayList<>();
        for (Path f : traceFiles) {
            parsed.add(JsonLogReader.read(f));
        }
        List<LogRecord> merged = LogMerger.merge(parsed);
        List<String> names = traceFiles.stream().map(Path::toString).toList();
        synchronized (SpecEvaluator.LOCK) {
            SpecEvaluator spec = evaluatorFor(o, merged);
            List<Value> values = merged.stream().map(LogRecord::value).toList();
            Replay replay = Replayer.replay(spec, values, STEP);
            Map<String, Long> coverage = coverage(merged.subList(0, replay.matched()));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (replay.matched() == merged.size()) {
                return new TraceResult(Verdict.MATCH, names, merged.size(), merged.size(), null, null, null, null,
                        List.of(), List.of(), elapsed, replay.statesExplored(), coverage);
            }
            LogRecord bad = merged.get(replay.matched());
            StepDiagnosis diagnosis = new StepDiagnosis(spec, new SourceText(loaded.libraryPath()), o.fullState());
            List<String> reasons = new ArrayList<>();
            List<String> before = new ArrayList<>();
            List<TLCState> frontier = replay.frontier();
            for (int k = 0; k < frontier.size() && k < MAX_STATES_SHOWN; k++) {
                TLCState s = frontier.get(k);
                before.add(render(s, o.fullState()));
                String prefix = frontier.size() > 1 ? "in state " + (k + 1) + ": " : "";
                for (String r : diagnosis.explain("ReplayStep", s, bad.value())) {
                    reasons.add(prefix + r);
                }
            }
            if (frontier.size() > MAX_STATES_SHOWN) {
                before.add("... and " + (frontier.size() - MAX_STATES_SHOWN) + " more states");
            }
            return new TraceResult(Verdict.DIVERGENCE, names, merged.size(), replay.matched(), bad.line(), bad.file(),
                    replay.matched() + 1, bad.text(), List.copyOf(reasons), List.copyOf(before),
                    Duration.ofNanos(System.nanoTime() - start), replay.statesExplored(), coverage);
        }
    }

    /** Matched lines per value of the {@code event} field (lines without one are counted under "(no event)"). */
    private static Map<String, Long> coverage(List<LogRecord> matched) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LogRecord r : matched) {
            counts.merge(r.event() != null ? r.event() : "(no event)", 1L, Long::sum);
        }
        return counts;
    }

    /** The spec's variables in a state, in TLA+ syntax, without the engine's cursor. */
    private static String render(TLCState s, boolean full) {
        StringBuilder sb = new StringBuilder();
        s.getVals().forEach((name, value) -> {
            String v = name.toString();
            if (v.equals(CURSOR)) {
                return;
            }
            sb.append(sb.length() == 0 ? "" : "\n").append("/\\ ").append(v).append(" = ")
                    .append(ShownValue.of(value, full).replace("\n", "\n" + " ".repeat(v.length() + 6)));
        });
        return sb.toString();
    }

    private static SpecEvaluator evaluatorFor(Options o, List<LogRecord> merged) throws SpecLoadException {
        // TLC evaluates TraceLog and TraceNodes once, when it loads the spec: a different log needs a fresh load
        String key = key(o, merged);
        if (key.equals(loadedKey) && evaluator != null && evaluator.isCurrent()) {
            return evaluator;
        }
        evaluator = null;
        loadedKey = null;
        if (loaded != null) {
            StagingDirs.delete(loaded.dir());
            loaded = null;
        }
        Staged staged = stage(o);
        LoadedLog.install(merged);
        SpecEvaluator ev;
        try {
            ev = SpecEvaluator.load(staged.dir(), DRIVER, REPLAY_CFG,
                    staged.libraryPath().stream().map(Path::toString).toArray(String[]::new));
        } catch (SpecLoadException e) {
            StagingDirs.delete(staged.dir());
            throw new SpecLoadException("cannot load the trace spec " + o.traceSpec() + ":\n" + tlcMessages(e.getMessage()), e);
        }
        for (String op : List.of("ReplayStep", "TraceInit", STEP)) {
            if (!ev.hasOperator(op)) {
                throw new SpecLoadException(o.traceSpec() + ": defines no " + op, null);
            }
        }
        if (ev.operator("ReplayStep").getArity() != 1) {
            throw new SpecLoadException(o.traceSpec() + ": ReplayStep must take one argument, the log record", null);
        }
        evaluator = ev;
        loaded = staged;
        loadedKey = key;
        return ev;
    }

    private static String key(Options o, List<LogRecord> merged) throws SpecLoadException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path dir : sourceDirs(o)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path p : files.filter(p -> p.toString().endsWith(".tla") || p.toString().endsWith(".cfg"))
                            .sorted().toList()) {
                        md.update(p.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(p));
                    }
                }
            }
            Path cfg = config(o);
            md.update(String.valueOf(cfg == null ? "" : cfg.toAbsolutePath()).getBytes(StandardCharsets.UTF_8));
            if (cfg != null) {
                md.update(Files.readAllBytes(cfg));
            }
            for (LogRecord r : merged) {
                md.update(r.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new SpecLoadException("cannot read " + o.traceSpec() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> sourceDirs(Options o) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(o.traceSpec().toAbsolutePath().getParent());
        if (o.systemSpec() != null) {
            Path d = o.systemSpec().toAbsolutePath().getParent();
            if (!dirs.contains(d)) {
                dirs.add(d);
            }
        }
        return dirs;
    }

    /** The cfg given, or {@code T.cfg} beside {@code T.tla}, or null when there is none (a spec without constants). */
    private static Path config(Options o) {
        if (o.config() != null) {
            return o.config();
        }
        String name = o.traceSpec().getFileName().toString().replaceFirst("\\.tla$", "") + ".cfg";
        Path beside = o.traceSpec().toAbsolutePath().resolveSibling(name);
        return Files.isRegularFile(beside) ? beside : null;
    }

    /**
     * Checks the trace spec's text for the convention, then stages the driver module and its cfgs. The directory
     * also serves a plain TLC run: {@code java -Ddsverify.trace=log.ndjson tlc2.TLC -config DsverifyCheck.cfg
     * DsverifyReplay}, with the library path given by {@code -DTLA-Library}.
     */
    public static Staged stage(Options o) throws SpecLoadException {
        return stage(o, List.of());
    }

    /**
     * As {@link #stage(Options)}, with a cursor-moving step {@code DsverifyX(e)} in the driver for each further
     * operator {@code X(e)} of the trace spec (e.g. an operator a diagnosis evaluates, or an equivalent step).
     */
    public static Staged stage(Options o, List<String> moreSteps) throws SpecLoadException {
        Path spec = o.traceSpec();
        if (!Files.isRegularFile(spec)) {
            throw new SpecLoadException(spec + ": no such trace spec", null);
        }
        if (!spec.getFileName().toString().endsWith(".tla")) {
            throw new SpecLoadException(spec + ": a trace spec is a .tla file", null);
        }
        String module = spec.getFileName().toString().replaceFirst("\\.tla$", "");
        String text;
        try {
            text = Files.readString(spec);
        } catch (IOException | UncheckedIOException e) {
            throw new SpecLoadException(spec + ": cannot read: " + e.getMessage(), e);
        }
        checkConvention(spec, module, text);
        Path cfg = config(o);
        String constants = "";
        if (cfg != null) {
            try {
                constants = constantSections(Files.readString(cfg));
            } catch (IOException | UncheckedIOException e) {
                throw new SpecLoadException(cfg + ": cannot read: " + e.getMessage(), e);
            }
        }
        try {
            Path dir = StagingDirs.create("dsverify-tracespec-");
            try (InputStream in = TraceSpecValidator.class.getResourceAsStream("/dev/dsverify/trace/tla/TraceValidation.tla")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource TraceValidation.tla");
                }
                Files.write(dir.resolve("TraceValidation.tla"), in.readAllBytes());
            }
            Files.writeString(dir.resolve(DRIVER + ".tla"), driver(module, moreSteps));
            String header = "\\* Staged by dsverify: the constants of " + (cfg == null ? "(no cfg)" : cfg) + "\n";
            Files.writeString(dir.resolve(REPLAY_CFG + ".cfg"), header + constants
                    + "\nINIT DsverifyInit\nNEXT DsverifyNext\nCHECK_DEADLOCK FALSE\n");
            Files.writeString(dir.resolve(CHECK_CFG), header + constants
                    + "\nINIT DsverifyInit\nNEXT DsverifyNext\nINVARIANT DsverifyNotAllExplained\nCHECK_DEADLOCK FALSE\n");
            List<Path> path = new ArrayList<>();
            path.add(dir);
            path.addAll(sourceDirs(o));
            return new Staged(dir, List.copyOf(path));
        } catch (IOException e) {
            throw new SpecLoadException("cannot stage " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The driver's name for the cursor-moving form of the trace spec's step operator {@code op}. */
    public static String driverStep(String op) {
        return "Dsverify" + op;
    }

    private static String driver(String module, List<String> moreSteps) {
        StringBuilder more = new StringBuilder();
        for (String op : moreSteps) {
            more.append(driverStep(op)).append("(e) == ").append(op).append("(e) /\\ ").append(CURSOR).append("' = ")
                    .append(CURSOR).append(" + 1\n");
        }
        return "---- MODULE " + DRIVER + " ----\n"
                + "(* Staged by dsverify: the cursor over the log, which trace specs leave to the engine. *)\n"
                + "EXTENDS " + module + ", TraceValidation, Naturals, Sequences\n"
                + "VARIABLE " + CURSOR + "\n"
                + "DsverifyInit == TraceInit /\\ " + CURSOR + " = 1\n"
                + "DsverifyStep(e) == ReplayStep(e) /\\ " + CURSOR + "' = " + CURSOR + " + 1\n"
                + more
                + "DsverifyNext == " + CURSOR + " <= Len(TraceLog) /\\ DsverifyStep(TraceLog[" + CURSOR + "])\n"
                + "\\* Violated exactly when the whole log is explained (MATCH).\n"
                + "DsverifyNotAllExplained == " + CURSOR + " <= Len(TraceLog)\n"
                + "====\n";
    }

    /** Refuses, naming the file and what is missing, a trace spec that does not follow the convention. */
    static void checkConvention(Path spec, String module, String text) throws SpecLoadException {
        String code = stripComments(text);
        Matcher header = Pattern.compile("-{4,}\\s*MODULE\\s+(\\w+)").matcher(code);
        if (!header.find()) {
            throw new SpecLoadException(spec + ": no module header (---- MODULE " + module + " ----)", null);
        }
        if (!header.group(1).equals(module)) {
            throw new SpecLoadException(spec + ": the module is named " + header.group(1)
                    + ", but its file must then be " + header.group(1) + ".tla", null);
        }
        List<String> missing = new ArrayList<>();
        if (!Pattern.compile("(?m)^\\s*EXTENDS\\b[^\\n]*\\bTraceValidation\\b").matcher(code).find()
                && !Pattern.compile("(?s)EXTENDS\\b(\\s*\\w+\\s*,)*\\s*TraceValidation\\b").matcher(code).find()) {
            missing.add("EXTENDS TraceValidation");
        }
        if (!Pattern.compile("(?m)^\\s*TraceInit\\s*==").matcher(code).find()) {
            missing.add("a definition TraceInit == ... (the initial states, usually Init)");
        }
        if (!Pattern.compile("(?m)^\\s*ReplayStep\\s*\\(\\s*\\w+\\s*\\)\\s*==").matcher(code).find()) {
            missing.add("a definition ReplayStep(e) == ... (the step explaining log record e)");
        }
        if (!missing.isEmpty()) {
            throw new SpecLoadException(spec + ": not a trace spec: it lacks " + String.join("; ", missing), null);
        }
    }

    private static String stripComments(String text) {
        String noBlocks = text.replaceAll("(?s)\\(\\*.*?\\*\\)", " ");
        return noBlocks.replaceAll("\\\\\\*[^\\n]*", "");
    }

    /** The CONSTANT sections of a cfg (INIT, NEXT, invariants and the rest belong to model checks, not replays). */
    static String constantSections(String cfg) {
        StringBuilder out = new StringBuilder();
        boolean keep = false;
        String text = cfg.replaceAll("(?s)\\(\\*.*?\\*\\)", " ");
        for (String line : text.split("\n", -1)) {
            String code = line.replaceAll("\\\\\\*.*", "");
            String[] words = code.trim().split("\\s+");
            if (words.length > 0 && CFG_KEYWORDS.contains(words[0])) {
                keep = words[0].startsWith("CONSTANT");
            }
            if (keep && !code.isBlank()) {
                out.append(code).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * What SANY and TLC said, without the staged driver module and the progress chatter: the errors point into the
     * user's modules (file, line, column), which is what the user can fix.
     */
    static String tlcMessages(String captured) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        Set<String> seen = new java.util.HashSet<>();
        StringBuilder block = new StringBuilder();
        for (String raw : captured.replaceFirst("^TLC could not load " + DRIVER + ": ", "").split("\n")) {
            String line = raw.stripTrailing();
            if (line.startsWith("Residual stack trace follows")) {
                skipping = true;
                continue;
            }
            if (skipping && line.isBlank()) {
                skipping = false;
                continue;
            }
            if (skipping || line.startsWith("Parsing file ") || line.startsWith("Semantic processing of module ")
                    || line.startsWith("Starting... (") || line.contains(DRIVER) || line.startsWith("tla2sany.")
                    || line.startsWith("*** Abort messages")) {
                continue;
            }
            if (line.isBlank()) {
                if (block.length() > 0 && seen.add(block.toString())) {
                    out.append(block).append('\n');
                }
                block.setLength(0);
                continue;
            }
            block.append("  ").append(line.strip()).append('\n');
        }
        if (block.length() > 0 && seen.add(block.toString())) {
            out.append(block);
        }
        return out.toString().stripTrailing();
    }
}
