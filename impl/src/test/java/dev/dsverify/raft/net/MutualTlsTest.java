package dev.dsverify.raft.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS between servers and from clients: only parties with a certificate of the cluster's CA get a frame
 * through, and a Raft message must come from the server its certificate names.
 */
class MutualTlsTest {
    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private TestPki pki;
    private TcpServer server;

    @BeforeEach
    void start() throws Exception {
        pki = new TestPki(dir, "cluster");
        server = TcpServer.start(new InetSocketAddress("127.0.0.1", 0), ServerLimits.defaults(),
                pki.issue("n1").load(), new TcpServer.Handler() {
                    @Override
                    public void onMessage(Message m) {
                        received.add(m);
                    }

                    @Override
                    public void onClientRequest(ClientRequest request, Consumer<ClientReply> reply) {
                        reply.accept(new ClientReply(request.clientId(), request.seq(), request.attempt(),
                                ClientReply.Status.OK, null, new KvResult(true, "v-" + request.op().key())));
                    }
                }, reports::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static final Message VOTE = RequestVoteRequest.builder().from("n2").to("n1").term(4).clock(9)
            .lastLogTerm(1).lastLogIndex(1).build();

    /** Connects with {@code security} and sends {@link #VOTE}; true if the server received it. */
    private boolean deliverVote(Security security) throws Exception {
        try (Socket s = security.connect(server.address(), 2000)) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            new Frame(FrameKind.RAFT, MessageCodec.encode(VOTE)).write(out);
            out.flush();
            return received.poll(1, TimeUnit.SECONDS) != null;
        } catch (IOException e) {
            return false; // the handshake failed on this side too
        }
    }

    private void awaitRefusals(long n) throws InterruptedException {
        for (int i = 0; i < 300 && server.refusedUnauthenticated() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(server.refusedUnauthenticated()).isEqualTo(n);
    }

    @Test
    void aPeerWithACertificateOfTheClusterCaIsServed() throws Exception {
        assertThat(deliverVote(pki.issue("n2").load())).isTrue();
        assertThat(server.refusedUnauthenticated()).isZero();
    }

    @Test
    void aClientWithACertificateGetsItsReplyOverTls() throws Exception {
        Map<String, InetSocketAddress> servers = Map.of("n1", server.address());
        try (RemoteKvClient c = new RemoteKvClient("c1", servers, 1000, pki.issue("client-1").load())) {
            assertThat(c.execute(new KvOp.Get("k"), 10_000).value()).isEqualTo("v-k");
        }
    }

    @Test
    void plaintextNoCertificateAndAForeignCaAreRefusedBeforeAnyFrameIsRead() throws Exception {
        assertThat(deliverVote(Security.PLAINTEXT)).as("plaintext").isFalse();
        awaitRefusals(1);

        // TLS that trusts the cluster's CA but presents no certificate of its own.
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PemFiles.certificates(pki.caFile()).get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext noCert = SSLContext.getInstance("TLSv1.3");
        noCert.init(null, tmf.getTrustManagers(), null);
        assertThat(deliverVote(new Security.MutualTls(noCert))).as("no certificate").isFalse();
        awaitRefusals(2);

        // A well-formed certificate named n2, signed by another CA (which the attacker's side trusts too).
        TestPki other = new TestPki(dir, "other");
        TlsFiles forged = other.issue("n2");
        Path bothCas = dir.resolve("both-ca.pem");
        Files.writeString(bothCas, Files.readString(pki.caFile()) + Files.readString(other.caFile()));
        assertThat(deliverVote(new TlsFiles(forged.cert(), forged.key(), bothCas).load())).as("foreign CA").isFalse();
        awaitRefusals(3);

        assertThat(received).isEmpty();
        assertThat(server.rejectedFrames()).as("no frame was even read").isZero();
        // Reported with the address; repeated refusals from one host within a minute are folded into one line.
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).startsWith("refusing connection from /127.0.0.1:").contains("not authenticated");
        assertThat(deliverVote(pki.issue("n2").load())).as("a real peer still gets through").isTrue();
    }

    @Test
    void aRaftMessageMustComeFromTheServerItsCertificateNames() throws Exception {
        assertThat(deliverVote(pki.issue("client-7").load())).isFalse();
        for (int i = 0; i < 300 && server.rejectedFrames() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(server.rejectedFrames()).isEqualTo(1);
        assertThat(reports)
                .anyMatch(l -> l.contains("RequestVoteRequest from n2 on a connection authenticated as client-7"));
    }

    @Test
    void badPemFilesAreNamedInTheError() throws Exception {
        TlsFiles ok = pki.issue("n3");
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> new TlsFiles(missing, ok.key(), ok.ca()).load())
                .hasMessageContaining(missing + ": no such file");
        Path oldFormat = dir.resolve("rsa.pem");
        Files.writeString(oldFormat, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new TlsFiles(ok.cert(), oldFormat, ok.ca()).load())
                .hasMessageContaining(oldFormat + ": expected an unencrypted PKCS#8 key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> new TlsFiles(ok.key(), ok.key(), ok.ca()).load())
                .hasMessageContaining(ok.key() + ": no PEM certificate");
        TlsFiles n4 = pki.issue("n4");
        assertThatThrownBy(() -> new TlsFiles(ok.cert(), n4.key(), ok.ca()).load())
                .hasMessageContaining(n4.key() + ": this private key does not belong to the certificate in "
                        + ok.cert() + " (CN=n3)");
        assertThatThrownBy(() -> TlsFiles.ofOptional(ok.cert(), null, ok.ca()))
                .hasMessageContaining("--tls-cert, --tls-key and --tls-ca together");
        assertThat(TlsFiles.ofOptional(null, null, null)).isNull();
    }
}
