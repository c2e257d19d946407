package dev.dsverify.raft.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server facing malformed input: each bad frame closes its connection; the server keeps serving others. */
class TcpServerTest {
    private final LinkedBlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private TcpServer server;

    @BeforeEach
    void start() throws IOException {
        server = TcpServer.start(new InetSocketAddress("127.0.0.1", 0), 1024, new TcpServer.Handler() {
            @Override
            public void onMessage(Message m) {
                received.add(m);
            }

            @Override
            public void onClientRequest(ClientRequest request, Consumer<ClientReply> reply) {
                reply.accept(new ClientReply(request.clientId(), request.seq(), request.attempt(),
                        ClientReply.Status.OK, null, new KvResult(true, "echo:" + request.op().key())));
            }
        }, reports::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(server.address(), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    /** Sends raw bytes and expects the server to close the connection (read returns end of stream). */
    private void assertRejected(byte[] raw, String reason) throws Exception {
        long before = server.rejectedFrames();
        try (Socket s = connect()) {
            s.getOutputStream().write(raw);
            s.getOutputStream().flush();
            s.shutdownOutput(); // the peer sends nothing more: a frame cut short ends the stream
            InputStream in = s.getInputStream();
            int r;
            try {
                r = in.read();
            } catch (java.net.SocketException reset) {
                r = -1;
            }
            assertThat(r).as("connection closed after " + reason).isEqualTo(-1);
        }
        for (int i = 0; i < 200 && server.rejectedFrames() == before; i++) {
            Thread.sleep(10);
        }
        assertThat(server.rejectedFrames()).as(reason).isEqualTo(before + 1);
        assertThat(reports.stream().anyMatch(l -> l.contains("bad frame"))).as("reported: " + reports).isTrue();
    }

    private static byte[] frame(int length, int version, int kind, byte[] payload) {
        byte[] b = new byte[6 + payload.length];
        b[0] = (byte) (length >>> 24);
        b[1] = (byte) (length >>> 16);
        b[2] = (byte) (length >>> 8);
        b[3] = (byte) length;
        b[4] = (byte) version;
        b[5] = (byte) kind;
        System.arraycopy(payload, 0, b, 6, payload.length);
        return b;
    }

    private void assertStillServes() throws Exception {
        Message m = new RequestVoteRequest("n2", "n1", 4, 9, 1, 1);
        try (Socket s = connect()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            new Frame(FrameKind.RAFT, MessageCodec.encode(m)).write(out);
            new Frame(FrameKind.CLIENT_REQUEST,
                    ClientCodec.encodeRequest(new ClientRequest("c", 1, 1, new KvOp.Get("k")))).write(out);
            out.flush();
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(m);
            Frame reply = Frame.read(new DataInputStream(s.getInputStream()), 1024);
            assertThat(reply.kind()).isEqualTo(FrameKind.CLIENT_REPLY);
            assertThat(ClientCodec.decodeReply(reply.payload()).result().value()).isEqualTo("echo:k");
        }
    }

    @Test
    void wrongVersionOversizeUnknownKindAndUndecodablePayloadsCloseOnlyTheirConnection() throws Exception {
        byte[] good = MessageCodec.encode(new RequestVoteRequest("n2", "n1", 4, 9, 1, 1));
        assertRejected(frame(good.length + 2, 2, 1, good), "wrong version");
        assertRejected(frame(1 << 20, 1, 1, new byte[0]), "oversize length");
        assertRejected(frame(-1, 1, 1, new byte[0]), "negative length");
        assertRejected(frame(good.length + 2, 1, 77, good), "unknown kind");
        assertRejected(frame(5, 1, 1, new byte[] {1, 2, 3}), "undecodable payload");
        assertRejected(frame(good.length + 2, 1, 3, good), "client reply sent to a server");
        assertRejected(frame(100, 1, 1, new byte[10]), "stream ends inside the frame");
        assertThat(received).isEmpty();
        assertStillServes();
    }

    @Test
    void aGoodFrameAfterABadConnectionIsServedAndPeersMayReconnect() throws Exception {
        assertStillServes();
        assertRejected(new byte[] {0, 0, 0, 3, 9, 9, 9}, "garbage");
        assertStillServes();
        assertThat(server.acceptedConnections()).isEqualTo(3);
    }
}
