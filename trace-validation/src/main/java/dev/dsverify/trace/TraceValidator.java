package dev.dsverify.trace;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.trace.log.EventKind;
import dev.dsverify.trace.log.TraceEvent;
import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.log.TraceStream;
import dev.dsverify.trace.replay.Diagnosis;
import dev.dsverify.trace.replay.Replay;
import dev.dsverify.trace.replay.Replayer;
import dev.dsverify.trace.replay.ShownValue;
import dev.dsverify.trace.replay.SpecEvaluator;
import dev.dsverify.trace.replay.SpecLoadException;
import dev.dsverify.trace.log.JsonLogReader;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * Checks implementation logs against the Raft spec: reads the NDJSON files, checks each line against the trace
 * contract (so a malformed line is named with what the contract expects), merges them, then replays the merged log
 * through the trace spec TraceRaft.tla (specs/raft; it instantiates the given Raft.tla) exactly as
 * {@link TraceSpecValidator} replays any trace spec: the same driver, the same JSON-to-TLA+ mapping, the same
 * level-by-level search. What is Raft's own here is the contract check and a diagnosis that knows the contract's
 * fields.
 *
 * <p>The loaded spec is kept between calls with the same Raft.tla and cluster, so validating many logs costs one
 * load: TraceRaft.tla reads the log only through TraceServers, which depends only on the cluster. TLC's evaluator
 * is a JVM-wide singleton, so calls are serialised.
 */
public final class TraceValidator {
    private static final String RESOURCES = "/dev/dsverify/trace/raft/";
    /** The trace spec of Raft and its cfg, staged beside the Raft spec under test. */
    private static final List<String> STAGED = List.of("TraceRaft.tla", "TraceRaft.cfg");
    /** Operators of TraceRaft.tla the diagnosis and the tests evaluate as steps, besides ReplayStep. */
    private static final List<String> MORE_STEPS = List.of("SpecStep", "ReplayStepExact");
    private static final int MAX_STATES_SHOWN = 5;

    private static Path stagedDir;
    private static String loadedKey;
    private static SpecEvaluator evaluator;

    private TraceValidator() {
    }

    public static TraceResult validate(Path raftSpec, Path... traceFiles) throws TraceFormatException, SpecLoadException {
        return validate(raftSpec, Arrays.asList(traceFiles));
    }

    /**
     * Validates the log made of {@code traceFiles} (merged by Lamport clock when there are several) against
     * {@code raftSpec}.
     *
     * @throws TraceFormatException a file is not a well-formed trace, or the files cannot be put in causal order
     * @throws SpecLoadException    the spec does not parse or lacks what TraceRaft.tla needs
     */
    public static TraceResult validate(Path raftSpec, List<Path> traceFiles) throws TraceFormatException, SpecLoadException {
        return validate(raftSpec, traceFiles, false);
    }

    /**
     * As {@link #validate(Path, List)}; a divergence shows long values (a log, the messages in flight) folded to
     * their length, head and tail unless {@code fullState}.
     */
    public static TraceResult validate(Path raftSpec, List<Path> traceFiles, boolean fullState)
            throws TraceFormatException, SpecLoadException {
        return validate(raftSpec, traceFiles, Replayer.STEP, fullState);
    }

    /** Replays with another step operator of TraceRaft.tla (the tests compare ReplayStepExact). */
    static TraceResult validate(Path raftSpec, List<Path> traceFiles, String step)
            throws TraceFormatException, SpecLoadException {
        return validate(raftSpec, traceFiles, step, false);
    }

    private static TraceResult validate(Path raftSpec, List<Path> traceFiles, String step, boolean fullState)
            throws TraceFormatException, SpecLoadException {
        long start = System.nanoTime();
        if (traceFiles.isEmpty()) {
            throw new IllegalArgumentException("no trace files");
        }
        // first pass: every line checked against the contract and its file's clocks, and the cluster collected;
        // the second pass replays the merged log as it reads it, so a log of any size fits in memory
        TraceStream.Scan scan = TraceStream.scan(traceFiles);
        List<String> names = traceFiles.stream().map(Path::toString).toList();
        // TLC orders strings by when they were first interned: interning the ids in sorted order first makes
        // the functions over servers print n1, n2, n3 whatever order the log mentions them in
        scan.servers().forEach(util.UniqueString::uniqueStringOf);
        synchronized (SpecEvaluator.LOCK) {
            SpecEvaluator spec = evaluatorFor(raftSpec, scan.servers());
            Map<String, Long> coverage = coverage(List.of());
            TraceEvent[] current = new TraceEvent[1];
            Value[] currentValue = new Value[1];
            Replay replay;
            try (TraceStream lines = TraceStream.open(scan)) {
                replay = Replayer.replay(spec, () -> {
                    if (current[0] != null) {
                        coverage.merge(current[0].kind().name(), 1L, Long::sum); // the previous line was explained
                    }
                    current[0] = lines.next();
                    currentValue[0] = current[0] == null ? null
                            : JsonLogReader.value(current[0].file(), current[0].line(), line(current[0]));
                    return currentValue[0];
                }, step.equals(Replayer.STEP) ? TraceSpecValidator.STEP : TraceSpecValidator.driverStep(step));
            }
            if (replay.matched() == scan.events()) {
                return new TraceResult(Verdict.MATCH, names, scan.events(), scan.events(), null, null, null, null,
                        List.of(), List.of(), Duration.ofNanos(System.nanoTime() - start), replay.statesExplored(),
                        coverage);
            }
            TraceEvent bad = current[0];
            Diagnosis diagnosis = new Diagnosis(spec, stagedDir, TraceSpecValidator.driverStep("SpecStep"), fullState);
            List<String> reasons = new ArrayList<>();
            List<String> before = new ArrayList<>();
            List<TLCState> frontier = replay.frontier();
            for (int k = 0; k < frontier.size() && k < MAX_STATES_SHOWN; k++) {
                TLCState s = frontier.get(k);
                before.add(render(s, fullState));
                String prefix = frontier.size() > 1 ? "in state " + (k + 1) + ": " : "";
                for (String r : diagnosis.explain(s, currentValue[0], bad)) {
                    reasons.add(prefix + r);
                }
            }
            if (frontier.size() > MAX_STATES_SHOWN) {
                before.add("... and " + (frontier.size() - MAX_STATES_SHOWN) + " more states");
            }
            return new TraceResult(Verdict.DIVERGENCE, names, scan.events(), replay.matched(), bad.line(), bad.file(),
                    replay.matched() + 1, bad.text(), List.copyOf(reasons), List.copyOf(before),
                    Duration.ofNanos(System.nanoTime() - start), replay.statesExplored(), coverage);
        }
    }

    /** The line as read: the contract admits exactly these top-level fields, and schema 1 only. */
    private static ObjectNode line(TraceEvent e) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", 1);
        root.put("clock", e.clock());
        root.put("node", e.node());
        root.put("event", e.kind().name());
        if (e.msg() != null) {
            root.set("msg", e.msg().fields());
        }
        if (e.reply() != null) {
            root.set("reply", e.reply().fields());
        }
        root.set("state", e.state());
        return root;
    }

    /** The protocol variables of a state, in TLA+ syntax (the cursor and Raft.tla's frozen history are left out). */
    private static String render(TLCState s, boolean full) {
        StringBuilder sb = new StringBuilder();
        for (String v : List.of("currentTerm", "votedFor", "log", "role", "commitIndex", "votesGranted",
                "nextIndex", "matchIndex", "messages", "snapshotIndex")) {
            Object value = s.lookup(v);
            sb.append(sb.length() == 0 ? "" : "\n").append("/\\ ").append(v).append(" = ")
                    .append(ShownValue.of(value, full).replace("\n", "\n" + " ".repeat(v.length() + 6)));
        }
        return sb.toString();
    }

    /** Per spec action, how many of {@code events} it explained; every action is listed, unexercised ones with 0. */
    public static Map<String, Long> coverage(List<TraceEvent> events) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EventKind k : EventKind.values()) {
            counts.put(k.name(), 0L);
        }
        for (TraceEvent e : events) {
            counts.merge(e.kind().name(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * The Raft spec: {@code specs/raft/Raft.tla} of the source tree holding the working directory (so that edits to
     * the spec take effect), else the copy bundled with this library (so that the command works anywhere).
     */
    public static Path defaultSpec() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("specs/raft/Raft.tla");
            if (Files.isRegularFile(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        return bundledSpec();
    }

    private static Path bundled;

    /** The bundled Raft.tla (with the modules it uses), extracted once per JVM into a directory removed at exit. */
    public static synchronized Path bundledSpec() {
        if (bundled != null && Files.isRegularFile(bundled)) {
            return bundled;
        }
        try {
            Path dir = StagingDirs.create("dsverify-raft-");
            for (String m : List.of("Raft.tla", "AbstractLog.tla")) {
                try (InputStream in = TraceValidator.class.getResourceAsStream("/dev/dsverify/trace/raft/" + m)) {
                    if (in == null) {
                        throw new IllegalStateException("this build of dsverify lacks the bundled " + m
                                + "; give the spec with --spec");
                    }
                    Files.write(dir.resolve(m), in.readAllBytes());
                }
            }
            bundled = dir.resolve("Raft.tla");
            return bundled;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled Raft spec: " + e.getMessage(), e);
        }
    }

    private static SpecEvaluator evaluatorFor(Path raftSpec, SortedSet<String> servers) throws SpecLoadException {
        String key = specKey(raftSpec) + "|" + servers;
        if (key.equals(loadedKey) && evaluator != null && evaluator.isCurrent()) {
            return evaluator;
        }
        evaluator = null;
        loadedKey = null;
        Path dir = stage(raftSpec);
        TraceSpecValidator.Staged driver = TraceSpecValidator.stage(
                new TraceSpecValidator.Options(dir.resolve("TraceRaft.tla"), dir.resolve("TraceRaft.cfg"), null, false),
                MORE_STEPS); // registered for deletion at exit by stage()
        LoadedLog.installStreamed(servers);
        evaluator = SpecEvaluator.load(driver.dir(), TraceSpecValidator.DRIVER, TraceSpecValidator.REPLAY_CFG,
                driver.libraryPath().stream().map(Path::toString).toArray(String[]::new));
        for (String op : List.of("ReplayStep", "SpecStep", "ActionArgs", "FieldAgrees")) {
            if (!evaluator.hasOperator(op)) {
                throw new SpecLoadException("TraceRaft.tla lacks " + op, null);
            }
        }
        stagedDir = dir;
        loadedKey = key;
        return evaluator;
    }


    private static String specKey(Path raftSpec) throws SpecLoadException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(raftSpec.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> siblings = Files.list(raftSpec.toAbsolutePath().getParent())) {
                for (Path p : siblings.filter(p -> p.toString().endsWith(".tla")).sorted().toList()) {
                    md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(p));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new SpecLoadException("cannot read " + raftSpec + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies the trace spec and the Raft spec (with the modules next to it) into a fresh directory. A spec file
     * not named Raft.tla (a variant) is copied as Raft.tla with its module header renamed to match. The directory
     * also serves a plain TLC run: {@code java -Ddsverify.trace=log.ndjson tlc2.TLC -config TraceRaft.cfg TraceRaft}.
     */
    public static Path stage(Path raftSpec) throws SpecLoadException {
        try {
            Path dir = StagingDirs.create("dsverify-trace-");
            Path specDir = raftSpec.toAbsolutePath().getParent();
            try (Stream<Path> siblings = Files.list(specDir)) {
                for (Path p : siblings.filter(p -> p.toString().endsWith(".tla")).toList()) {
                    String name = p.getFileName().toString();
                    if (!STAGED.contains(name) && !name.equals("Raft.tla")) {
                        Files.copy(p, dir.resolve(name));
                    }
                }
            }
            String text = Files.readString(raftSpec);
            String module = raftSpec.getFileName().toString().replaceFirst("\\.tla$", "");
            if (!module.equals("Raft")) {
                text = text.replaceFirst("(-{4,}\\s*MODULE\\s+)" + java.util.regex.Pattern.quote(module) + "\\b", "$1Raft");
            }
            Files.writeString(dir.resolve("Raft.tla"), text);
            for (String r : STAGED) {
                try (InputStream in = TraceValidator.class.getResourceAsStream(RESOURCES + r)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + r);
                    }
                    Files.write(dir.resolve(r), in.readAllBytes());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new SpecLoadException("cannot stage the spec " + raftSpec + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new SpecLoadException("cannot stage the spec " + raftSpec + ": " + e.getMessage(), e);
        }
    }
}
