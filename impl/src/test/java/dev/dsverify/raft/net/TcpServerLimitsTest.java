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
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a party that can reach the port can do to a server without a valid frame: declare huge frames and stall,
 * trickle bytes, stay silent, open many connections. Each costs it its own connection only; the server keeps
 * serving.
 */
class TcpServerLimitsTest {
    private final LinkedBlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private TcpServer server;

    private void start(ServerLimits limits) throws IOException {
        server = TcpServer.start(new InetSocketAddress("127.0.0.1", 0), limits, Security.PLAINTEXT,
                new TcpServer.Handler() {
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
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(server.address(), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    /** The header of a frame of {@code length} bytes (version and kind included) and kind RAFT. */
    private static byte[] header(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, 1, 1};
    }

    private static boolean closedByServer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static void await(BooleanSupplier c, String what) throws InterruptedException {
        for (int i = 0; i < 500 && !c.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(c.getAsBoolean()).as(what).isTrue();
    }

    private void assertStillServes() throws Exception {
        Message m = RequestVoteRequest.builder().from("n2").to("n1").term(4).clock(9).lastLogTerm(1)
                .lastLogIndex(1).build();
        try (Socket s = new Socket()) {
            s.connect(server.address(), 2000);
            s.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            new Frame(FrameKind.RAFT, MessageCodec.encode(m)).write(out);
            new Frame(FrameKind.CLIENT_REQUEST,
                    ClientCodec.encodeRequest(new ClientRequest("c", 1, 1, new KvOp.Get("k")))).write(out);
            out.flush();
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(m);
            Frame reply = Frame.read(new DataInputStream(s.getInputStream()), 1024);
            assertThat(ClientCodec.decodeReply(reply.payload()).result().value()).isEqualTo("echo:k");
        }
    }

    @Test
    void stalledFramesDeclaringTheMaximumCostOneChunkEachNotTheirDeclaredSize() throws Exception {
        start(ServerLimits.defaults()); // 16 MiB frames, a 64 MiB budget
        int n = 40; // 40 x 16 MiB declared = 640 MiB: allocating up front would exhaust any test heap
        for (int i = 0; i < n; i++) {
            OutputStream out = open().getOutputStream();
            out.write(header(Frame.DEFAULT_MAX_BYTES));
            out.write(new byte[1000]);
            out.flush();
        }
        await(() -> server.peakBufferedBytes() >= (long) n * Frame.CHUNK_BYTES, "every connection began a body");
        assertThat(server.openConnections()).isEqualTo(n);
        assertThat(server.peakBufferedBytes()).isEqualTo((long) n * Frame.CHUNK_BYTES); // 2.5 MiB
        assertStillServes();

        // Above the limit (the old 64 MiB): refused from the header alone.
        Socket big = open();
        big.getOutputStream().write(header(64 << 20));
        assertThat(closedByServer(big)).isTrue();
        assertThat(reports).anyMatch(l -> l.contains("frame length 67108864 outside [2, 16777216]"));
    }

    @Test
    void clientFramesAreLimitedToOneMebibyte() throws Exception {
        start(ServerLimits.defaults());
        Socket s = open();
        s.getOutputStream().write(new byte[] {0, 0x10, 0, 3, 1, 2}); // 1 MiB + 3, CLIENT_REQUEST
        assertThat(closedByServer(s)).isTrue();
        await(() -> server.rejectedFrames() == 1, "refused");
        assertThat(reports).anyMatch(l -> l.contains("CLIENT_REQUEST frame length 1048579 above 1048576"));
    }

    @Test
    void framesThatWouldExceedTheNodeWideBufferBudgetAreRefused() throws Exception {
        start(ServerLimits.defaults(1 << 20).withBufferBudget(1 << 20));
        Socket hog = open();
        hog.getOutputStream().write(header(1 << 20));
        hog.getOutputStream().write(new byte[600 << 10]); // buffer grows to 1 MiB: the whole budget
        hog.getOutputStream().flush();
        await(() -> server.peakBufferedBytes() == (1 << 20) - 2, "the first frame holds all but 2 bytes of the budget");

        Socket second = open();
        second.getOutputStream().write(header(100));
        second.getOutputStream().write(new byte[10]);
        assertThat(closedByServer(second)).isTrue();
        assertThat(reports).anyMatch(l -> l.contains("frame buffers of all connections would exceed 1048576 bytes"));

        hog.close(); // its buffer returns to the budget
        await(() -> server.openConnections() == 0, "hog closed");
        assertStillServes();
    }

    @Test
    void silentConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        start(ServerLimits.defaults().withTimeouts(300, 5000));
        Socket silent = open();
        long t0 = System.nanoTime();
        assertThat(closedByServer(silent)).isTrue();
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 4000L);
        await(() -> server.timedOut() == 1, "counted");
        assertStillServes();
    }

    @Test
    void aFrameTrickledByteByByteIsCutAtTheFrameTimeout() throws Exception {
        start(ServerLimits.defaults().withTimeouts(300, 800));
        Socket slow = open();
        OutputStream out = slow.getOutputStream();
        out.write(header(1000));
        long t0 = System.nanoTime();
        boolean cut = false;
        for (int i = 0; i < 100 && !cut; i++) { // one byte per 100 ms: never idle for 300 ms
            try {
                out.write(0);
                out.flush();
                Thread.sleep(100);
            } catch (SocketException e) {
                cut = true;
            }
            cut |= server.rejectedFrames() == 1;
        }
        assertThat(cut).as("slow frame cut").isTrue();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000L);
        await(() -> reports.stream().anyMatch(l -> l.contains("frame not complete within 800 ms")), "reported");
        assertStillServes();
    }

    @Test
    void connectionsBeyondTheCapAreRefusedAndReportedAndTheServerRecovers() throws Exception {
        start(ServerLimits.defaults().withMaxConnections(4));
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(open());
        }
        await(() -> server.openConnections() == 4, "four open");
        for (int i = 0; i < 3; i++) {
            assertThat(closedByServer(open())).as("over the cap").isTrue();
        }
        assertThat(server.refusedOverCap()).isEqualTo(3);
        assertThat(reports.stream().filter(l -> l.contains("4 connections open (the cap)")).count())
                .as("reported once, not per refusal: " + reports).isEqualTo(1);
        held.get(0).close();
        await(() -> server.openConnections() == 3, "one freed");
        assertStillServes();
    }
}
