package dev.dsverify.twophase;

import dev.dsverify.tracing.MemorySink;
import dev.dsverify.tracing.Tracer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Runs the two-phase-commit example once, deterministically from its seed: a TM and its RMs over a
 * {@link Network} that delays, reorders, loses and duplicates messages, with TM crashes. Every node logs its
 * steps through a {@link Tracer}; the result holds one log per node, ready for {@code dsverify replay}.
 */
public final class TwoPhaseRun {
    private static final long MAX_TICKS = 400;

    /** The logs, the first buggy line if a bug showed, and how the run ended. */
    public record Result(Map<String, List<String>> logs, List<BugSites.Site> bugSites, Optional<BugSites.Site> firstBug,
                         String tmState,
                         Map<String, String> rmStates, int crashes, int dropped, int duplicated) {
        /** Writes {@code <node>.ndjson} per node into {@code dir}; returns the files. */
        public List<Path> writeTo(Path dir) throws IOException {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : logs.entrySet()) {
                Path f = dir.resolve(e.getKey() + ".ndjson");
                StringBuilder sb = new StringBuilder();
                e.getValue().forEach(l -> sb.append(l).append('\n'));
                Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
                files.add(f);
            }
            return files;
        }
    }

    private TwoPhaseRun() {
    }

    public static Result run(TwoPhaseConfig c) {
        Random rng = new Random(c.seed());
        Network net = new Network(rng, c);
        Map<String, MemorySink> sinks = new LinkedHashMap<>();
        BugSites bugs = new BugSites(sinks);
        sinks.put(TransactionManager.ID, new MemorySink());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < c.rms(); i++) {
            String id = "r" + (i + 1);
            ids.add(id);
            sinks.put(id, new MemorySink());
        }
        TransactionManager tm = new TransactionManager(ids, Tracer.to(sinks.get(TransactionManager.ID),
                TransactionManager.ID), c.bugs(), net, bugs, 60 + rng.nextInt(40));
        Map<String, ResourceManager> rms = new LinkedHashMap<>();
        for (String id : ids) {
            rms.put(id, new ResourceManager(id, Tracer.to(sinks.get(id), id), c.bugs(), net, rng, bugs,
                    1 + rng.nextInt(30), c.abortRate()));
        }
        int crashes = 0;
        long downUntil = -1;
        for (long now = 0; now < MAX_TICKS; now++) {
            for (Network.InFlight f : net.due(now)) {
                if (f.to().equals(TransactionManager.ID)) {
                    if (tm.isUp()) {
                        tm.onPrepared((Message.Prepared) f.message(), now);
                    }
                } else {
                    rms.get(f.to()).onDecision(f.message());
                }
            }
            if (!tm.isUp() && now >= downUntil) {
                tm.restart();
            }
            if (tm.isUp() && rng.nextDouble() < c.crashRate()) {
                tm.crash();
                crashes++;
                downUntil = now + 1 + rng.nextInt(20);
            }
            if (tm.isUp()) {
                tm.tick(now);
            }
            for (ResourceManager rm : rms.values()) {
                rm.tick(now);
            }
        }
        Map<String, List<String>> logs = new LinkedHashMap<>();
        sinks.forEach((id, s) -> logs.put(id, s.lines()));
        Map<String, String> states = new LinkedHashMap<>();
        rms.forEach((id, rm) -> states.put(id, rm.state()));
        return new Result(logs, bugs.all(), bugs.first(), tm.state(), states, crashes, net.dropped(), net.duplicated());
    }
}
