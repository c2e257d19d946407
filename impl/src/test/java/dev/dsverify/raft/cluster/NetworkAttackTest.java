package dev.dsverify.raft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.net.Frame;
import dev.dsverify.raft.net.MessageCodec;
import dev.dsverify.raft.net.RemoteKvClient;
import dev.dsverify.raft.net.Security;
import dev.dsverify.raft.net.TestPki;
import dev.dsverify.raft.net.TlsFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on a live three-process cluster by someone who can reach its ports: a forged vote request with term
 * 2^63-1, connections that declare huge frames and stall, more connections than the cap; and, with mutual TLS,
 * the same forged frame from a party without a certificate of the cluster's CA. The cluster goes on committing.
 */
class NetworkAttackTest {
    private static final long OP_TIMEOUT_MILLIS = 30_000;
    private static final List<String> IDS = List.of("n1", "n2", "n3");
    private static final Pattern TERM = Pattern.compile("\"currentTerm\":(\\d+)");

    /** A RequestVoteRequest claiming to come from n2 with term 2^63-1, as one raw RAFT frame. */
    private static byte[] forgedVote(String to) {
        byte[] payload = MessageCodec.encode(RequestVoteRequest.builder().from("n2").to(to).term(Long.MAX_VALUE).clock(1).build());
        return ByteBuffer.allocate(6 + payload.length).putInt(payload.length + 2).put((byte) 1).put((byte) 1)
                .put(payload).array();
    }

    private static long maxTerm(Path trace) throws IOException {
        long max = 0;
        Matcher m = TERM.matcher(Files.readString(trace));
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
    }

    /** True if the server closes the connection (after at most a TLS alert), false if it answers more. */
    private static boolean closedByServer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            for (int i = 0; i < 64; i++) {
                if (in.read() == -1) {
                    return true;
                }
            }
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (javax.net.ssl.SSLException alert) {
            return true; // the server's refusal, seen by this side's TLS
        }
    }

    private static void put(RemoteKvClient c, String k, String v) throws Exception {
        assertThat(c.execute(new KvOp.Put(k, v), OP_TIMEOUT_MILLIS).ok()).isTrue();
    }

    @Test
    void forgedHugeTermStalledHugeFramesAndAConnectionFloodLeaveAPlaintextClusterCommitting(@TempDir Path dir)
            throws Exception {
        int cap = 40;
        try (ProcessCluster c = new ProcessCluster(dir, IDS)) {
            c.extraArgs = id -> List.of("--max-connections", "" + cap, "--frame-timeout-ms", "3000");
            c.startAll();
            try (RemoteKvClient w = new RemoteKvClient("writer", c.addresses, 500)) {
                put(w, "before", "1");

                // 1. The forged term, to every server.
                for (String id : IDS) {
                    try (Socket s = new Socket()) {
                        s.connect(c.addresses.get(id), 2000);
                        s.setSoTimeout(5000);
                        s.getOutputStream().write(forgedVote(id));
                        s.getOutputStream().flush();
                        assertThat(closedByServer(s)).as(id + " closes the forger's connection").isTrue();
                    }
                }
                put(w, "after-forged-term", "2");

                // 2. Every server: more connections than the cap, each declaring a 16 MiB frame and stalling.
                // Allocated up front that is 16 MiB each, far beyond the nodes' 256 MiB heaps.
                List<Socket> stalled = new ArrayList<>();
                int refused = 0;
                try {
                    for (String id : IDS) {
                        for (int i = 0; i < cap + 10; i++) {
                            Socket s = new Socket();
                            stalled.add(s);
                            s.connect(c.addresses.get(id), 2000);
                            s.setSoTimeout(5000);
                            OutputStream out = s.getOutputStream();
                            try {
                                out.write(ByteBuffer.allocate(6).putInt(Frame.DEFAULT_MAX_BYTES).put((byte) 1)
                                        .put((byte) 1).array());
                                out.write(new byte[1000]);
                                out.flush();
                            } catch (SocketException e) {
                                refused++; // closed at once: over the cap
                            }
                        }
                    }
                    // The writer's connection to the leader was open before the flood: it keeps committing.
                    put(w, "during-flood", "3");
                    // The frame timeout frees the slots the stalled connections hold.
                    for (Socket s : stalled) {
                        assertThat(closedByServer(s)).isTrue();
                    }
                } finally {
                    for (Socket s : stalled) {
                        s.close();
                    }
                }
                put(w, "after-flood", "4");
            }
            try (RemoteKvClient r = new RemoteKvClient("reader", c.addresses, 500)) { // new connections
                for (String k : List.of("before", "after-forged-term", "during-flood", "after-flood")) {
                    assertThat(r.execute(new KvOp.Get(k), OP_TIMEOUT_MILLIS).value()).as(k).isNotNull();
                }
            }
            for (String id : IDS) {
                String err = c.stderr(id);
                assertThat(err).as(id).containsPattern(
                        "closing connection from /127\\.0\\.0\\.1:\\d+: bad frame: field term: 9223372036854775807"
                                + " outside \\[0, 2\\^62\\]");
                assertThat(err).as(id).contains("connections open (the cap)");
                assertThat(err).as(id + " says it is unauthenticated")
                        .contains("WARNING: no --tls-cert/--tls-key/--tls-ca");
                assertThat(err).as(id).doesNotContain("OutOfMemoryError");
                assertThat(maxTerm(c.trace(id))).as(id + " term").isLessThan(100);
            }
        }
    }

    @Test
    void aTlsClusterCommitsAndRefusesPartiesWithoutACertificateOfItsCa(@TempDir Path dir) throws Exception {
        TestPki pki = new TestPki(dir, "cluster");
        Map<String, TlsFiles> certs = Map.of("n1", pki.issue("n1"), "n2", pki.issue("n2"), "n3", pki.issue("n3"));
        TlsFiles other = new TestPki(dir, "other").issue("n2");
        try (ProcessCluster c = new ProcessCluster(dir, IDS)) {
            c.extraArgs = id -> List.of("--tls-cert", certs.get(id).cert().toString(),
                    "--tls-key", certs.get(id).key().toString(), "--tls-ca", certs.get(id).ca().toString());
            c.startAll();
            Security client = pki.issue("client-1").load();
            try (RemoteKvClient w = new RemoteKvClient("writer", c.addresses, 500, client)) {
                put(w, "a", "1");

                for (String id : IDS) {
                    InetSocketAddress a = c.addresses.get(id);
                    // The forged frame in plaintext: the TLS handshake fails on the first byte.
                    try (Socket s = new Socket()) {
                        s.connect(a, 2000);
                        s.setSoTimeout(5000);
                        s.getOutputStream().write(forgedVote(id));
                        assertThat(closedByServer(s)).isTrue();
                    }
                    // The forged frame over TLS with a certificate named n2 from another CA.
                    try (Socket s = new TlsFiles(other.cert(), other.key(), other.ca()).load().connect(a, 2000)) {
                        s.setSoTimeout(5000);
                        s.getOutputStream().write(forgedVote(id));
                        assertThat(closedByServer(s)).isTrue();
                    } catch (IOException handshakeRefused) {
                        // this side may already see the refusal during the handshake
                    }
                }
                put(w, "b", "2");
                assertThat(w.execute(new KvOp.Get("a"), OP_TIMEOUT_MILLIS).value()).isEqualTo("1");
            }
            // A client without any certificate gets nowhere.
            try (RemoteKvClient anon = new RemoteKvClient("anon", c.addresses, 200)) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> anon.execute(new KvOp.Get("a"), 1500))).isNotNull();
            }
            for (String id : IDS) {
                String err = c.stderr(id);
                assertThat(err).as(id)
                        .containsPattern("refusing connection from /127\\.0\\.0\\.1:\\d+: not authenticated");
                assertThat(err).as(id + ": the forged frame was never decoded").doesNotContain("field term");
                assertThat(err).as(id).doesNotContain("NOT authenticated");
                assertThat(maxTerm(c.trace(id))).as(id + " term").isLessThan(100);
            }
        }
    }
}
