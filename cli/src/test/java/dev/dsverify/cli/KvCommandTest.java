package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.cluster.ClusterNode;
import dev.dsverify.raft.cluster.NodeSpec;
import dev.dsverify.raft.net.Diagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dsverify kv} against a three-server cluster (in this JVM, over real sockets), and {@code dsverify node}. */
class KvCommandTest {
    @TempDir
    static Path dir;
    private static final List<ClusterNode> nodes = new ArrayList<>();
    private static String cluster;

    record Run(int code, String out, String err) {}

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void startCluster() throws IOException {
        Map<String, InetSocketAddress> all = new LinkedHashMap<>();
        for (String id : List.of("n1", "n2", "n3")) {
            all.put(id, new InetSocketAddress("127.0.0.1", freePort()));
        }
        StringJoiner j = new StringJoiner(",");
        all.forEach((id, a) -> j.add(id + "=127.0.0.1:" + a.getPort()));
        cluster = j.toString();
        for (String id : all.keySet()) {
            Map<String, InetSocketAddress> peers = new LinkedHashMap<>(all);
            peers.remove(id);
            nodes.add(ClusterNode.start(NodeSpec.of(id, all.get(id), peers, dir.resolve(id), null), Diagnostics.QUIET,
                    t -> { throw new AssertionError(t); }));
        }
    }

    @AfterAll
    static void stopCluster() {
        nodes.forEach(ClusterNode::close);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Dsverify.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run kv(String... opArgs) {
        List<String> a = new ArrayList<>(List.of("kv", "--cluster", cluster, "--timeout", "20s"));
        a.addAll(List.of(opArgs));
        return run(a.toArray(String[]::new));
    }

    @Test
    void putGetCasDeleteWithDocumentedExitCodes() {
        assertThat(kv("put", "colour", "red").code()).isZero();
        Run get = kv("get", "colour");
        assertThat(get.code()).isZero();
        assertThat(get.out()).isEqualTo("red\n");

        Run miss = kv("cas", "colour", "blue", "green");
        assertThat(miss.code()).isEqualTo(1);
        assertThat(miss.err()).contains("cas failed: colour holds red");
        assertThat(kv("cas", "colour", "red", "green").code()).isZero();
        assertThat(kv("get", "colour").out()).isEqualTo("green\n");

        assertThat(kv("delete", "colour").code()).isZero();
        Run gone = kv("get", "colour");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("colour: not found");
        assertThat(kv("delete", "colour").code()).isEqualTo(1);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(kv("get").code()).isEqualTo(2);
        assertThat(kv("put", "k").code()).isEqualTo(2);
        Run unknown = kv("incr", "k");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown operation 'incr'");
        Run badCluster = run("kv", "--cluster", "n1=localhost", "get", "k");
        assertThat(badCluster.code()).isEqualTo(2);
        assertThat(badCluster.err()).contains("--cluster (n1): 'localhost' is not host:port");
        assertThat(run("kv", "get", "k").code()).isEqualTo(2);
        assertThat(run("node", "--id", "n1", "--listen", "nowhere", "--data", dir.resolve("x").toString()).code())
                .isEqualTo(2);
    }

    @Test
    void aClusterThatDoesNotAnswerExitsWithThree() throws IOException {
        Run r = run("kv", "--cluster", "n1=127.0.0.1:" + freePort(), "--timeout", "1s", "--attempt-timeout", "100ms",
                "put", "k", "v");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("cluster unavailable");
    }

    @Test
    void theNodeCommandRunsAsAProcessServesClientsAndStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        Path trace = dir.resolve("solo.ndjson");
        Path log = dir.resolve("solo.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Dsverify.class.getName(), "node", "--id", "solo", "--listen", "127.0.0.1:" + port,
                "--data", dir.resolve("solo").toString(), "--trace", trace.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            for (int i = 0; i < 600 && !Files.readString(log).contains("listening solo"); i++) {
                assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
                Thread.sleep(50);
            }
            String c = "solo=127.0.0.1:" + port;
            assertThat(run("kv", "--cluster", c, "--timeout", "20s", "put", "a", "1").code()).isZero();
            assertThat(run("kv", "--cluster", c, "--timeout", "20s", "get", "a").out()).isEqualTo("1\n");
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isIn(0, 143);
        assertThat(Files.readString(log)).doesNotContain("Exception");
        String t = Files.readString(trace, StandardCharsets.UTF_8);
        assertThat(t).endsWith("\n").contains("\"event\":\"BecomeLeader\"").contains("\"event\":\"AdvanceCommitIndex\"");
    }
}
