package dev.dsverify.raft.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.Message;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Outgoing links: messages reach a peer that comes up late, and again after the peer restarts. */
class TcpTransportTest {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static TcpServer listen(int port, LinkedBlockingQueue<Message> into) throws IOException {
        return TcpServer.start(new InetSocketAddress("127.0.0.1", port), Frame.DEFAULT_MAX_BYTES,
                new TcpServer.Handler() {
                    @Override
                    public void onMessage(Message m) {
                        into.add(m);
                    }

                    @Override
                    public void onClientRequest(ClientRequest request, Consumer<ClientReply> reply) {}
                }, Diagnostics.QUIET);
    }

    private static Message heartbeat(long clock) {
        return AppendEntriesRequest.builder().from("n1").to("n2").term(1).clock(clock).entries(Entry.of(1, "x"))
                .round(clock).build();
    }

    /**
     * Sends a heartbeat every 20 ms until one of them arrives (the protocol's own retry pattern). Messages
     * queued earlier, while the link waited out its backoff, may arrive first: they are skipped.
     */
    private static Message sendUntilReceived(TcpTransport t, LinkedBlockingQueue<Message> q, long fromClock)
            throws InterruptedException {
        for (long c = fromClock; c < fromClock + 500; c++) {
            t.send(heartbeat(c));
            Message m = q.poll(20, TimeUnit.MILLISECONDS);
            while (m != null && m.clock() < fromClock) {
                m = q.poll();
            }
            if (m != null) {
                return m;
            }
        }
        throw new AssertionError("no message arrived");
    }

    @Test
    void reconnectsWithBackoffWhenThePeerComesUpAndAfterItRestarts() throws Exception {
        int port = freePort();
        LinkedBlockingQueue<Message> q = new LinkedBlockingQueue<>();
        try (TcpTransport t = new TcpTransport(Map.of("n2", new InetSocketAddress("127.0.0.1", port)),
                new Backoff(10, 80, new Random(3)), Frame.DEFAULT_MAX_BYTES, 64, Diagnostics.QUIET)) {
            // Nobody listens yet: messages are dropped and the link keeps retrying, spaced by the backoff.
            for (int i = 0; i < 30; i++) {
                t.send(heartbeat(i));
                Thread.sleep(10);
            }
            long attempts = t.connectAttempts("n2");
            assertThat(attempts).isGreaterThan(1);
            assertThat(t.connections("n2")).isZero();
            assertThat(t.dropped("n2")).isPositive();

            TcpServer first = listen(port, q);
            Message got = sendUntilReceived(t, q, 1000);
            assertThat(got.from()).isEqualTo("n1");
            assertThat(got.clock()).isGreaterThanOrEqualTo(1000);
            assertThat(t.connections("n2")).isEqualTo(1);

            // The peer goes away and comes back on the same port: the link notices and reconnects.
            first.close();
            q.clear();
            Thread.sleep(50);
            TcpServer second = listen(port, q);
            try {
                Message again = sendUntilReceived(t, q, 5000);
                assertThat(again.clock()).isGreaterThanOrEqualTo(5000);
                assertThat(t.connections("n2")).isEqualTo(2);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void anIdleLinkClosesItsConnectionBeforeTheServersIdleTimeoutAndReopensItForTheNextMessage() throws Exception {
        int port = freePort();
        LinkedBlockingQueue<Message> q = new LinkedBlockingQueue<>();
        TcpServer server = TcpServer.start(new InetSocketAddress("127.0.0.1", port),
                ServerLimits.defaults().withTimeouts(1500, 1000), Security.PLAINTEXT, new TcpServer.Handler() {
                    @Override
                    public void onMessage(Message m) {
                        q.add(m);
                    }

                    @Override
                    public void onClientRequest(ClientRequest request, Consumer<ClientReply> reply) {}
                }, Diagnostics.QUIET);
        try (TcpTransport t = new TcpTransport(Map.of("n2", new InetSocketAddress("127.0.0.1", port)),
                new Backoff(10, 80, new Random(3)), Frame.DEFAULT_MAX_BYTES, 64, Security.PLAINTEXT, 300,
                Diagnostics.QUIET)) {
            t.send(heartbeat(1));
            assertThat(q.poll(5, TimeUnit.SECONDS)).isNotNull();
            for (int i = 0; i < 300 && server.openConnections() > 0; i++) {
                Thread.sleep(10); // the link closes after 300 ms of silence
            }
            assertThat(server.openConnections()).isZero();
            assertThat(server.timedOut()).as("closed by the link, not by the server's idle timeout").isZero();
            t.send(heartbeat(2));
            Message second = q.poll(5, TimeUnit.SECONDS);
            assertThat(second).isNotNull();
            assertThat(second.clock()).isEqualTo(2);
            assertThat(t.connections("n2")).isEqualTo(2);
            assertThat(t.dropped("n2")).isZero();
        } finally {
            server.close();
        }
    }
}
