package dev.dsverify.trace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dsverify.raft.cluster.NodeProcess;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.net.RemoteKvClient;
import dev.dsverify.trace.TraceReport;
import dev.dsverify.trace.TraceResult;
import dev.dsverify.trace.TraceValidator;
import dev.dsverify.trace.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-node trace files of a real three-process cluster on loopback (TCP, fsync, one file per process),
 * including a leader killed with SIGKILL and restarted from its data directory, merge by Lamport clock into one
 * log that the Raft spec explains.
 */
class ClusterTraceTest {
    private static final List<String> IDS = List.of("n1", "n2", "n3");

    @TempDir
    Path dir;
    private final Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
    private final Map<String, Process> procs = new LinkedHashMap<>();
    private final Map<String, Path> outputs = new LinkedHashMap<>();
    private int launches;

    @Test
    void tracesOfARealClusterWithALeaderCrashMatchTheSpec() throws Exception {
        Path spec = raftSpec();
        for (String id : IDS) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                addresses.put(id, new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        }
        try {
            for (String id : IDS) {
                launch(id);
            }
            for (String id : IDS) {
                awaitListening(id);
            }
            try (RemoteKvClient c = new RemoteKvClient("tv", addresses, 500)) {
                for (int i = 0; i < 5; i++) {
                    c.execute(new KvOp.Put("k" + i, "v" + i), 30_000);
                }
                String leader = c.lastServer();
                Process p = procs.get(leader);
                p.destroyForcibly(); // SIGKILL
                p.waitFor(10, TimeUnit.SECONDS);
                for (int i = 5; i < 10; i++) {
                    c.execute(new KvOp.Put("k" + i, "v" + i), 30_000);
                }
                launch(leader);
                awaitListening(leader);
                c.execute(new KvOp.Cas("k0", "v0", "w0"), 30_000);
                assertThat(c.execute(new KvOp.Get("k9"), 30_000).value()).isEqualTo("v9");
                Thread.sleep(300); // let the restarted server catch up, so its replication is traced too
            }
        } finally {
            for (Process p : procs.values()) {
                p.destroy(); // SIGTERM: the nodes write their last lines and stop
            }
            for (Process p : procs.values()) {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        List<Path> traces = new ArrayList<>();
        for (String id : IDS) {
            traces.add(dir.resolve(id + ".ndjson"));
        }
        TraceResult r = TraceValidator.validate(spec, traces);
        assertThat(r.verdict()).as(TraceReport.text(r)).isEqualTo(Verdict.MATCH);
        assertThat(r.coverage()).containsKeys("Restart", "BecomeLeader", "AdvanceCommitIndex",
                "HandleAppendEntriesRequest");
    }

    /** -Ddsverify.raftSpec, else specs/raft/Raft.tla of this source tree; skipped (saying why) without one. */
    private static Path raftSpec() {
        String p = System.getProperty("dsverify.raftSpec");
        if (p != null && !p.isBlank() && Files.isRegularFile(Path.of(p))) {
            return Path.of(p);
        }
        try {
            return TraceValidator.defaultSpec();
        } catch (IllegalStateException e) {
            assumeTrue(false, "specs/raft/Raft.tla is not in this source tree");
            return null;
        }
    }

    private void launch(String id) throws IOException {
        StringJoiner peers = new StringJoiner(",");
        addresses.forEach((k, a) -> {
            if (!k.equals(id)) {
                peers.add(k + "=127.0.0.1:" + a.getPort());
            }
        });
        int n = ++launches;
        procs.put(id, new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                NodeProcess.class.getName(), "--id", id, "--listen", "127.0.0.1:" + addresses.get(id).getPort(),
                "--peers", peers.toString(), "--data", dir.resolve("data-" + id).toString(),
                "--trace", dir.resolve(id + ".ndjson").toString(), "--tick-ms", "20")
                .redirectErrorStream(true).redirectOutput(dir.resolve(id + "." + n + ".out").toFile()).start());
        outputs.put(id, dir.resolve(id + "." + n + ".out"));
    }

    private void awaitListening(String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.readString(outputs.get(id)).contains("listening " + id)) {
                return;
            }
            assertThat(procs.get(id).isAlive()).as(Files.readString(outputs.get(id))).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError(id + " did not start: " + Files.readString(outputs.get(id)));
    }
}
