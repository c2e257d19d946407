package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dsverify.raft.cluster.ClusterNode;
import dev.dsverify.raft.cluster.NodeSpec;
import dev.dsverify.raft.net.Diagnostics;
import dev.dsverify.raft.net.TlsFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsverify kv} and {@code dsverify node} with {@code --tls-*}, using certificates made by the OpenSSL
 * recipe of impl/CLUSTER.md, run exactly as documented.
 */
class KvTlsCommandTest {
    @TempDir
    Path dir;

    /** The shell block that follows the marker comment in impl/CLUSTER.md. */
    private static String documentedRecipe() throws IOException {
        String doc = Files.readString(Path.of("..", "impl", "CLUSTER.md"));
        int marker = doc.indexOf("KvTlsCommandTest.java runs this block");
        assertThat(marker).as("recipe marker in impl/CLUSTER.md").isPositive();
        int start = doc.indexOf("```sh\n", marker) + "```sh\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private static boolean opensslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aClusterWithTheDocumentedCertificatesServesOnlyCertifiedClients() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed");
        Process recipe = new ProcessBuilder("sh", "-ec", documentedRecipe()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("recipe.log").toFile()).start();
        assertThat(recipe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(recipe.exitValue()).as(Files.readString(dir.resolve("recipe.log"))).isZero();

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", port);
        TlsFiles n1 = new TlsFiles(dir.resolve("n1.pem"), dir.resolve("n1-key.pem"), dir.resolve("ca.pem"));
        try (ClusterNode node = ClusterNode.start(NodeSpec.of("n1", a, Map.of(), dir.resolve("data"), null).withTls(n1),
                Diagnostics.QUIET, t -> { throw new AssertionError(t); })) {
            String c = "n1=127.0.0.1:" + port;
            String[] tls = {"--tls-cert", dir.resolve("client.pem").toString(),
                    "--tls-key", dir.resolve("client-key.pem").toString(),
                    "--tls-ca", dir.resolve("ca.pem").toString()};
            assertThat(KvCommandTest.run(concat(new String[] {"kv", "--cluster", c, "--timeout", "20s"}, tls,
                    new String[] {"put", "k", "v"})).code()).isZero();
            assertThat(KvCommandTest.run(concat(new String[] {"kv", "--cluster", c, "--timeout", "20s"}, tls,
                    new String[] {"get", "k"})).out()).isEqualTo("v\n");

            KvCommandTest.Run plain = KvCommandTest.run("kv", "--cluster", c, "--timeout", "1s",
                    "--attempt-timeout", "200ms", "get", "k");
            assertThat(plain.code()).as("no certificate: nothing is answered").isEqualTo(3);
            assertThat(plain.err()).contains("last connection error: n1 (");
        }

        KvCommandTest.Run partial = KvCommandTest.run("kv", "--cluster", "n1=127.0.0.1:1", "--tls-cert",
                dir.resolve("client.pem").toString(), "get", "k");
        assertThat(partial.code()).isEqualTo(2);
        assertThat(partial.err()).contains("--tls-cert, --tls-key and --tls-ca together");
        KvCommandTest.Run wrongKey = KvCommandTest.run("node", "--id", "n2", "--listen", "127.0.0.1:0",
                "--data", dir.resolve("n2").toString(), "--tls-cert", dir.resolve("n2.pem").toString(),
                "--tls-key", dir.resolve("n3-key.pem").toString(), "--tls-ca", dir.resolve("ca.pem").toString());
        assertThat(wrongKey.code()).as("a key that is not the certificate's").isEqualTo(2);
        assertThat(wrongKey.err()).startsWith("dsverify: error: " + dir.resolve("n3-key.pem")
                + ": this private key does not belong to the certificate in " + dir.resolve("n2.pem"));
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
