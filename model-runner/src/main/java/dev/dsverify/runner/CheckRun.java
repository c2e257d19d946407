package dev.dsverify.runner;

import dev.dsverify.runner.fork.TlcMain;
import dev.dsverify.runner.modules.CommunityModulesLibrary;
import dev.dsverify.runner.modules.ModuleReferences;
import dev.dsverify.runner.modules.ShippedModules;
import dev.dsverify.runner.pluscal.PlusCalSource;
import dev.dsverify.runner.pluscal.PlusCalTranslator;
import dev.dsverify.runner.pluscal.Translation;
import dev.dsverify.runner.spec.ActionCalls;
import dev.dsverify.runner.tlc.CfgNames;
import dev.dsverify.runner.tlc.ProgressLine;
import dev.dsverify.runner.tlc.ResultInterpreter;
import dev.dsverify.runner.tlc.RunFacts;
import dev.dsverify.runner.tlc.TlcOutputParser;
import dev.dsverify.runner.tlc.TlcWarnings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tlc2.output.EC;

/** One check running in its own TLC JVM (plus worker JVMs in distributed mode). */
final class CheckRun implements RunningCheck {
    private final ModelCheck check;
    private final TlcRuntime runtime;
    private final Path tempRoot;
    private final ProgressListener listener;
    private final CompletableFuture<ModelCheckResult> result = new CompletableFuture<>();
    private final Object lock = new Object();
    private final List<Process> processes = new ArrayList<>();
    /** The write ends of the TLC JVMs' stdin pipes: held open while they run; their closing tells them to exit. */
    private final List<java.io.OutputStream> lifelines = new ArrayList<>();
    /** The run's temporary directory, once created; guarded by {@link #lock}. */
    private Path tempDir;
    private boolean cancelRequested;
    private volatile boolean timedOut;
    private volatile Progress lastProgress;
    private volatile long startNanos;

    /** How long a distributed server may run without any worker before it is considered stuck. */
    private static final Duration WORKERLESS_GRACE = Duration.ofSeconds(10);

    CheckRun(ModelCheck check, TlcRuntime runtime, Path tempRoot, ProgressListener listener) {
        this.check = check;
        this.runtime = runtime;
        this.tempRoot = tempRoot;
        this.listener = listener;
    }

    void start() {
        Thread t = new Thread(this::execute, "dsverify-tlc-" + check.name());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public ModelCheck check() {
        return check;
    }

    @Override
    public CompletableFuture<ModelCheckResult> result() {
        return result;
    }

    @Override
    public ModelCheckResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public ModelCheckResult await(Duration timeout) throws InterruptedException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            cancelRequested = true;
            killAll();
        }
    }

    @Override
    public long pid() {
        synchronized (lock) {
            return processes.isEmpty() ? -1 : processes.get(0).pid();
        }
    }

    private void execute() {
        long startNanos = System.nanoTime();
        ModelCheckResult r;
        try {
            r = RunRegistry.register(this)
                    ? runChecked(startNanos)
                    : failure(Outcome.CANCELLED, "cancelled: the JVM is shutting down", startNanos, -1);
        } catch (RuntimeException | IOException e) {
            r = failure(Outcome.TLC_ERROR, "could not run TLC: " + e.getMessage(), startNanos, -1);
        } catch (InterruptedException e) {
            cancel();
            r = failure(Outcome.CANCELLED, "cancelled", startNanos, -1);
        } finally {
            RunRegistry.unregister(this);
        }
        try {
            listener.finished(r);
        } catch (RuntimeException ignored) {
            // A listener's failure must not lose the result.
        }
        result.complete(r);
    }

    private ModelCheckResult runChecked(long startNanos) throws IOException, InterruptedException {
        Path spec = check.spec().toAbsolutePath().normalize();
        if (!Files.isRegularFile(spec)) {
            return failure(Outcome.PARSE_ERROR, "spec file not found: " + check.spec(), startNanos, -1);
        }
        List<Path> library = new ArrayList<>();
        for (Path dir : check.libraryPath()) {
            Path abs = dir.toAbsolutePath().normalize();
            if (!Files.isDirectory(abs)) {
                return failure(Outcome.CONFIG_ERROR, "library directory not found: " + dir
                        + (dir.isAbsolute() ? "" : " (" + abs + ")"), startNanos, -1);
            }
            library.add(abs);
        }
        Path config = check.config();
        if (config == null && !check.hasInlineModel()) {
            config = spec.resolveSibling(ModelCheck.moduleName(spec) + ".cfg");
        }
        String cfgText = "";
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                return failure(Outcome.CONFIG_ERROR, "cfg file not found: " + config, startNanos, -1);
            }
            try {
                cfgText = Files.readString(config, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return failure(Outcome.CONFIG_ERROR, "cfg file not readable: " + config + " (" + e.getMessage() + ")",
                        startNanos, -1);
            }
        }
        Path temp;
        synchronized (lock) {
            if (cancelRequested) {
                return failure(Outcome.CANCELLED, "cancelled before TLC started", startNanos, -1);
            }
            temp = Files.createTempDirectory(tempRoot, "dsverify-tlc-");
            tempDir = temp;
        }
        try {
            ModelCheckResult plusCal = plusCal(spec, temp, startNanos);
            if (plusCal != null) {
                return plusCal;
            }
            Path cfgUsed = config == null ? null : config.toAbsolutePath();
            if (check.hasInlineModel()) {
                cfgText = cfgText + (cfgText.isEmpty() || cfgText.endsWith("\n") ? "" : "\n") + inlineCfg();
                cfgUsed = temp.resolve(ModelCheck.moduleName(spec) + ".cfg");
                Files.writeString(cfgUsed, cfgText, StandardCharsets.UTF_8);
            }
            List<String> properties = CfgNames.properties(cfgText);
            // The distributed server ignores CHECK_DEADLOCK in the cfg; pass it on the command line.
            boolean deadlock = check.checkDeadlock() && !Boolean.FALSE.equals(CfgNames.checkDeadlock(cfgText));
            return fork(spec, cfgUsed, library, temp, properties, deadlock, startNanos);
        } finally {
            // Whatever happened (including an exception while starting workers), no TLC JVM outlives its check.
            synchronized (lock) {
                killAll();
            }
            deleteRecursively(temp);
        }
    }

    /**
     * Translates the root module's PlusCal algorithm when asked to; otherwise refuses an algorithm that was
     * never translated, since TLC would then check nothing of it. Returns null when TLC may run.
     */
    private ModelCheckResult plusCal(Path spec, Path temp, long startNanos) throws IOException, InterruptedException {
        // Only ASCII keywords are looked for: read bytes as Latin-1 so that no encoding can make this fail.
        List<String> lines = List.of(new String(Files.readAllBytes(spec), StandardCharsets.ISO_8859_1).split("\n", -1));
        PlusCalSource source = PlusCalSource.of(lines);
        if (!source.hasAlgorithm()) {
            return null;
        }
        if (check.translate()) {
            Translation t = new PlusCalTranslator(runtime).translate(spec,
                    Files.createDirectories(temp.resolve("pcal")), this::startTranslator);
            synchronized (lock) {
                // The translator has ended; the process list is for the TLC JVMs from here on.
                processes.clear();
                if (cancelRequested) {
                    return failure(Outcome.CANCELLED, "cancelled while translating PlusCal", startNanos, -1);
                }
            }
            if (t instanceof Translation.Failed f) {
                return failure(Outcome.PARSE_ERROR, "PlusCal translation of " + spec.getFileName() + " failed: "
                        + f.message(), new SourcePosition(spec.toString(), f.line(), f.column()), startNanos);
            }
            return null;
        }
        if (source.untranslated()) {
            return failure(Outcome.PARSE_ERROR, "module " + ModelCheck.moduleName(spec) + " has a PlusCal algorithm"
                    + " but no TLA+ translation (no \\* BEGIN TRANSLATION line), so TLC has nothing of it to check;"
                    + " translate it first: dsverify check --translate, <translate>true</translate> in the Maven"
                    + " goal, or pcal.trans " + spec.getFileName(),
                    new SourcePosition(spec.toString(), source.algorithmLine(), 1), startNanos);
        }
        return null;
    }

    private Process startTranslator(ProcessBuilder pb) throws IOException {
        synchronized (lock) {
            if (cancelRequested) {
                return null;
            }
            Process p = pb.start();
            processes.add(p);
            return p;
        }
    }

    private String inlineCfg() {
        StringBuilder sb = new StringBuilder();
        check.constants().forEach((k, v) -> sb.append("CONSTANT ").append(k).append(" = ").append(v).append('\n'));
        if (check.init() != null) {
            sb.append("INIT ").append(check.init()).append('\n');
        }
        if (check.next() != null) {
            sb.append("NEXT ").append(check.next()).append('\n');
        }
        if (check.specification() != null) {
            sb.append("SPECIFICATION ").append(check.specification()).append('\n');
        }
        check.invariants().forEach(i -> sb.append("INVARIANT ").append(i).append('\n'));
        check.properties().forEach(p -> sb.append("PROPERTY ").append(p).append('\n'));
        return sb.toString();
    }

    private ModelCheckResult fork(Path spec, Path cfg, List<Path> library, Path temp, List<String> properties,
                                  boolean checkDeadlock, long startNanos)
            throws IOException, InterruptedException {
        Path meta = Files.createDirectories(temp.resolve("meta"));
        int port = check.isDistributed() ? freeLoopbackPort() : -1;
        List<String> tlcArgs = new ArrayList<>();
        tlcArgs.add(check.isDistributed() ? "tlc2.tool.distributed.TLCServer" : "tlc2.TLC");
        tlcArgs.add("-tool");
        if (!check.isDistributed()) {
            tlcArgs.addAll(List.of("-workers", Integer.toString(check.workers())));
        }
        tlcArgs.addAll(List.of("-metadir", meta.toString()));
        if (!check.isDistributed()) {
            // Pinned, so that a liveness counterexample is the same on every run (TLC draws one otherwise).
            tlcArgs.addAll(List.of("-fp", Integer.toString(check.fingerprint())));
        }
        if (cfg != null) {
            tlcArgs.addAll(List.of("-config", cfg.toString()));
        }
        if (!checkDeadlock) {
            tlcArgs.add("-deadlock");
        }
        if (check.coverage()) {
            tlcArgs.addAll(List.of("-coverage", "1"));
        }
        if (check.fpmem() != null) {
            tlcArgs.addAll(List.of("-fpmem", check.fpmem().toString()));
        }
        if (check.livenessAtEnd()) {
            tlcArgs.addAll(List.of("-lncheck", "final"));
        }
        boolean simulation = check.mode() instanceof SearchMode.Simulation;
        if (check.mode() instanceof SearchMode.Simulation sim) {
            tlcArgs.add("-simulate");
            if (sim.traces() > 0) {
                tlcArgs.add("num=" + sim.traces());
            }
            tlcArgs.addAll(List.of("-depth", Integer.toString(sim.depth())));
            if (sim.seed() != null) {
                tlcArgs.addAll(List.of("-seed", sim.seed().toString()));
            }
        }
        tlcArgs.add(spec.getFileName().toString());

        List<String> jvm = new ArrayList<>();
        if (check.stopAfter() != null) {
            jvm.add("-Dtlc2.TLC.stopAfter=" + check.stopAfter().toSeconds());
        }
        if (port > 0) {
            jvm.add("-Dtlc2.tool.distributed.TLCServer.port=" + port);
        }
        // SANY looks for a module beside the spec first; TLA-Library names the further directories to search,
        // in order: the user's, then the modules shipped with the runner (so a user's module of the same name wins).
        List<Path> searched = new ArrayList<>(library);
        searched.add(ShippedModules.extractTo(temp.resolve("modules")));
        String libraryProperty = "-DTLA-Library=" + searched.stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        jvm.add(libraryProperty);
        String overridesProperty = "-D" + CommunityModulesLibrary.MODULES + "="
                + CommunityModulesLibrary.property(ModuleReferences.reachable(spec, library), shadowed(spec, library));
        jvm.add(overridesProperty);
        ProcessBuilder main = new ProcessBuilder(command(temp, temp.resolve("tmp-server"), jvm, tlcArgs))
                .directory(spec.getParent().toFile())
                .redirectErrorStream(true);

        AtomicReference<TlcOutputParser> parserRef = new AtomicReference<>();
        TlcOutputParser parser = new TlcOutputParser(m -> {
            stopIfStale(m, parserRef.get());
            onMessage(m);
        });
        parserRef.set(parser);
        Process process;
        synchronized (lock) {
            if (cancelRequested) {
                return failure(Outcome.CANCELLED, "cancelled before TLC started", startNanos, -1);
            }
            process = main.start();
            processes.add(process);
            lifelines.add(process.getOutputStream());
            for (int i = 0; i < check.distributedWorkers(); i++) {
                List<String> workerJvm = new ArrayList<>(List.of("-Dtlc2.tool.distributed.TLCServer.port=" + port));
                // Workers receive the modules from the server (a run works without this property on them);
                // they get it anyway so that every JVM of the check has the same module search path.
                workerJvm.add(libraryProperty);
                workerJvm.add(overridesProperty);
                ProcessBuilder worker = new ProcessBuilder(command(temp, temp.resolve("tmp-worker-" + i), workerJvm,
                        List.of("tlc2.tool.distributed.TLCWorker", "127.0.0.1")))
                        .directory(temp.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(temp.resolve("worker-" + i + ".log").toFile());
                Process w = worker.start();
                processes.add(w);
                lifelines.add(w.getOutputStream());
            }
        }
        this.startNanos = startNanos;
        try {
            listener.started(check);
        } catch (RuntimeException ignored) {
            // A listener's failure must not stop the check.
        }
        Thread reader = new Thread(() -> read(process.getInputStream(), parser), "dsverify-tlc-output");
        reader.setDaemon(true);
        reader.start();

        boolean workersLost = waitForExit(process, startNanos);
        int exit = process.waitFor();
        reader.join();
        boolean cancelled;
        synchronized (lock) {
            cancelled = cancelRequested;
            // Workers end by themselves when the server finishes; make sure none outlives the check.
            killAll();
        }
        if (cancelled || timedOut) {
            exit = -1;
        }
        RunFacts facts = new RunFacts(check.name(), spec.getParent(), library, simulation, check.isDistributed(),
                properties, parser.messages(), parser.sanyLines(), parser.otherLines(), exit, cancelled, timedOut,
                elapsed(startNanos), lastProgress, check.allowStaleTranslation());
        ModelCheckResult interpreted = nameActions(ResultInterpreter.interpret(facts), spec, searched, temp);
        if (workersLost && !cancelled && !timedOut) {
            return new ModelCheckResult(check.name(), Outcome.TLC_ERROR, null,
                    "every distributed TLC worker exited before the server finished" + workerLogTail(temp),
                    null, interpreted.stats(), List.of(), null, false, List.of(), -1, interpreted.warnings());
        }
        return interpreted;
    }

    /**
     * Waits for the TLC process, enforcing the timeout. In distributed mode the server waits forever for
     * workers, so it is killed when every worker has been gone for a while; returns true in that case.
     */
    private boolean waitForExit(Process process, long startNanos) throws InterruptedException {
        long deadline = check.timeout() == null ? Long.MAX_VALUE : startNanos + check.timeout().toNanos();
        long workersGoneSince = -1;
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (deadline != Long.MAX_VALUE && now - deadline > 0) {
                timedOut = true;
                synchronized (lock) {
                    killAll();
                }
                return false;
            }
            if (check.isDistributed()) {
                boolean anyWorker;
                synchronized (lock) {
                    anyWorker = processes.stream().skip(1).anyMatch(Process::isAlive);
                }
                if (anyWorker) {
                    workersGoneSince = -1;
                } else if (workersGoneSince < 0) {
                    workersGoneSince = now;
                } else if (now - workersGoneSince > WORKERLESS_GRACE.toNanos()) {
                    synchronized (lock) {
                        killAll();
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private static String workerLogTail(Path temp) {
        try (Stream<Path> logs = Files.list(temp)) {
            List<String> tail = new ArrayList<>();
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("worker-")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                tail.addAll(lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            }
            return tail.isEmpty() ? "" : "; last worker output: " + String.join(" | ", tail);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }


    /**
     * SANY reports a stale PlusCal translation before TLC explores anything; a check that will fail for it
     * anyway stops there instead of exploring a state space that does not matter (the interpreter then
     * reports the stale translation). Runs in the reading thread, which is the one that feeds the parser.
     */
    private void stopIfStale(TlcMessage m, TlcOutputParser parser) {
        if (m.code() == EC.TLC_SANY_END && parser != null && !check.allowStaleTranslation()
                && TlcWarnings.staleTranslation(parser.sanyLines()) != null) {
            synchronized (lock) {
                killAll();
            }
        }
    }

    private void onMessage(TlcMessage m) {
        if (m.code() == 2200 || m.code() == 2209) {
            Progress p = ProgressLine.parse(m.text(), elapsed(startNanos));
            if (p != null) {
                lastProgress = p;
                try {
                    listener.progress(p);
                } catch (RuntimeException ignored) {
                    // Progress display problems must not stop the check.
                }
            }
        }
        try {
            listener.message(m);
        } catch (RuntimeException ignored) {
            // As above.
        }
    }

    private static void read(InputStream in, TlcOutputParser parser) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                parser.line(line);
            }
        } catch (IOException e) {
            // The process was killed; what was read so far is all there is.
        } finally {
            parser.end();
        }
    }

    private List<String> command(Path runDir, Path tmp, List<String> jvmProps, List<String> mainArgs)
            throws IOException {
        Files.createDirectories(tmp);
        List<String> cmd = new ArrayList<>();
        cmd.add(runtime.java().toString());
        cmd.add("-XX:+UseParallelGC");
        if (check.heap() != null) {
            cmd.add("-Xmx" + check.heap());
        }
        cmd.add("-Dfile.encoding=UTF-8");
        // Marks a model check: trace validation's operator overrides, on the classpath when TLC runs from the
        // command's shaded jar, then stay out of a spec that does not use them (trace-validation's
        // TraceLogLibrary), so that TLC does not warn about their missing module.
        cmd.add("-Ddsverify.fork=check");
        cmd.add("-Djava.io.tmpdir=" + tmp);
        // The child exits, deleting the run's directory, when its stdin pipe from this JVM closes: also when
        // this JVM is killed without running its shutdown hook.
        cmd.add("-D" + TlcMain.EXIT_WITH_PARENT + "=" + runDir);
        cmd.addAll(jvmProps);
        cmd.addAll(check.jvmArgs());
        List<Path> cp = new ArrayList<>(check.extraClasspath());
        cp.addAll(runtime.classpath());
        cmd.add("-cp");
        cmd.add(cp.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        cmd.add(TlcMain.class.getName());
        cmd.addAll(mainArgs);
        return cmd;
    }

    /** Kills the TLC JVMs this run started and their descendants, nothing else. Caller holds the lock. */
    private void killAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (java.io.OutputStream lifeline : lifelines) {
            try {
                lifeline.close();
            } catch (IOException e) {
                // The pipe is gone already: so is the process at its other end.
            }
        }
    }

    /** The shutdown hook's first step: no TLC JVM of this run may survive the JVM, nor start after this. */
    void killForShutdown() {
        synchronized (lock) {
            cancelRequested = true;
            killAll();
        }
    }

    /** The shutdown hook's second step: wait briefly for the killed JVMs, then delete what they wrote. */
    void cleanUpAfterShutdown() {
        List<Process> killed;
        Path temp;
        synchronized (lock) {
            killed = List.copyOf(processes);
            temp = tempDir;
        }
        for (Process p : killed) {
            try {
                p.onExit().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // Killed with SIGKILL: it is gone or going; delete what can be deleted.
            }
        }
        if (temp != null) {
            deleteRecursively(temp);
        }
    }

    /**
     * Names the action each counterexample step applied (TLC names only the disjunct of Next for many steps).
     * Reading the spec again costs a SANY parse, so it happens only when there is a counterexample.
     */
    private static ModelCheckResult nameActions(ModelCheckResult r, Path spec, List<Path> library, Path temp) {
        if (r.trace().stream().noneMatch(s -> s.location() != null)) {
            return r;
        }
        Optional<ActionCalls> calls = ActionCalls.load(spec, library, temp);
        if (calls.isEmpty()) {
            return r;
        }
        List<TraceState> named = new ArrayList<>(r.trace().size());
        for (TraceState s : r.trace()) {
            named.add(calls.get().callAt(s.location()).map(s::withCall).orElse(s));
        }
        return r.withTrace(named);
    }

    private ModelCheckResult failure(Outcome outcome, String message, long startNanos, int exitCode) {
        Duration d = elapsed(startNanos);
        return new ModelCheckResult(check.name(), outcome, null, message, null, Stats.unknown(d), List.of(), null,
                false, List.of(), exitCode);
    }

    private ModelCheckResult failure(Outcome outcome, String message, SourcePosition at, long startNanos) {
        return new ModelCheckResult(check.name(), outcome, null, message, at, Stats.unknown(elapsed(startNanos)),
                List.of(), null, false, List.of(), -1);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The shipped modules that a module of the user's (beside the spec or on the library path) replaces. */
    private static java.util.Set<String> shadowed(Path spec, List<Path> library) {
        java.util.Set<String> shadowed = new java.util.HashSet<>();
        List<Path> dirs = new ArrayList<>(library);
        dirs.add(0, spec.getParent());
        for (String name : ShippedModules.NAMES) {
            if (dirs.stream().anyMatch(d -> Files.isRegularFile(d.resolve(name + ".tla")))) {
                shadowed.add(name);
            }
        }
        return shadowed;
    }

    /**
     * Deletes {@code dir} and everything in it. Two threads may do this at once (the check's own clean-up and the
     * shutdown hook's), and a TLC JVM killed a moment ago may have left a file being written: an entry that
     * vanished, or a directory not yet empty, does not stop the rest, and the whole is tried again briefly
     * until the directory is gone.
     */
    private static void deleteRecursively(Path dir) {
        for (int attempt = 0; attempt < 20 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); attempt++) {
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        quietlyDelete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) {
                        quietlyDelete(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // tried again below
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void quietlyDelete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a directory another file appeared in, or an entry being deleted by another thread: tried again
        }
    }
}
