package dev.dsverify.raft.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Real node processes on loopback, each a JVM running {@link NodeProcess} from the test class path, with its data
 * directory, trace file and output files under one directory.
 */
final class ProcessCluster implements AutoCloseable {
    final Path dir;
    final Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
    private final Map<String, Process> procs = new LinkedHashMap<>();
    private final Map<String, Integer> incarnation = new LinkedHashMap<>();
    /** Options added to a node's command line (e.g. its TLS files); none by default. */
    Function<String, List<String>> extraArgs = id -> List.of();

    ProcessCluster(Path dir, List<String> ids) throws IOException {
        this.dir = dir;
        List<ServerSocket> holders = new ArrayList<>();
        try {
            for (String id : ids) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                holders.add(s);
                addresses.put(id, new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        } finally {
            for (ServerSocket s : holders) {
                s.close();
            }
        }
    }

    Path trace(String id) {
        return dir.resolve(id + ".ndjson");
    }

    Path data(String id) {
        return dir.resolve("data-" + id);
    }

    String peersOf(String id) {
        StringJoiner j = new StringJoiner(",");
        addresses.forEach((k, a) -> {
            if (!k.equals(id)) {
                j.add(k + "=" + a.getHostString() + ":" + a.getPort());
            }
        });
        return j.toString();
    }

    void startAll() throws Exception {
        for (String id : addresses.keySet()) {
            launch(id);
        }
        for (String id : addresses.keySet()) {
            awaitListening(id);
        }
    }

    /** Starts (or restarts) {@code id}; its output goes to {@code <id>.<n>.out} / {@code .err}. */
    void launch(String id) throws IOException {
        int n = incarnation.merge(id, 1, Integer::sum);
        InetSocketAddress a = addresses.get(id);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), NodeProcess.class.getName(),
                "--id", id, "--listen", a.getHostString() + ":" + a.getPort(), "--peers", peersOf(id),
                "--data", data(id).toString(), "--trace", trace(id).toString()));
        cmd.addAll(extraArgs.apply(id));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve(id + "." + n + ".out").toFile())
                .redirectError(dir.resolve(id + "." + n + ".err").toFile());
        procs.put(id, pb.start());
    }

    void awaitListening(String id) throws Exception {
        Path out = dir.resolve(id + "." + incarnation.get(id) + ".out");
        for (int i = 0; i < 600; i++) {
            if (Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).contains("listening " + id)) {
                return;
            }
            if (!procs.get(id).isAlive()) {
                throw new AssertionError(id + " exited with " + procs.get(id).exitValue() + ": " + stderr(id));
            }
            Thread.sleep(50);
        }
        throw new AssertionError(id + " did not start listening: " + stderr(id));
    }

    String stderr(String id) throws IOException {
        Path err = dir.resolve(id + "." + incarnation.get(id) + ".err");
        return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill(String id) throws InterruptedException {
        Process p = procs.get(id);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM; returns the exit code (143 for a JVM ended by SIGTERM after its shutdown hooks). */
    int terminate(String id) throws InterruptedException {
        Process p = procs.get(id);
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(id + " did not stop within 20 s of SIGTERM");
        }
        return p.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : procs.values()) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
