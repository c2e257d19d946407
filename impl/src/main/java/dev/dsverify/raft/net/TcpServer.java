package dev.dsverify.raft.net;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.Message;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Accepts connections from peers and clients on one address. Each connection gets a reader thread; Raft
 * frames go to {@link Handler#onMessage}, client requests to {@link Handler#onClientRequest} whose replies go
 * back on the same connection through that connection's writer thread (so the caller, the node's event loop,
 * never blocks on a slow client). A bad frame closes its connection only.
 *
 * <p>Defences ({@link ServerLimits}): at most {@code maxConnections} connections are open, later ones are
 * closed at once; a connection silent for the idle timeout, or whose frame (or TLS handshake) does not complete
 * within the frame timeout, is closed; frame bodies are read as they arrive within a node-wide buffer budget.
 * With {@link Security.MutualTls} a party that does not present a certificate of the cluster's CA is refused
 * before any frame is read, and a Raft message is accepted only from the server its certificate names.
 * Refusals are reported once per remote host, kind of fault and minute ({@link ReportLimiter}).
 */
public final class TcpServer implements AutoCloseable {
    private static final long REPORT_INTERVAL_MILLIS = 60_000;

    /** What the server hands received frames to; both methods must return quickly. */
    public interface Handler {
        void onMessage(Message m);

        void onClientRequest(ClientRequest request, Consumer<ClientReply> reply);
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final ServerLimits limits;
    private final Security security;
    private final Diagnostics diag;
    private final ReportLimiter refusals;
    private final Set<Conn> conns = ConcurrentHashMap.newKeySet();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refusedOverCap = new AtomicLong();
    private final AtomicLong refusedUnauthenticated = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final FrameBudget budget;
    private final Thread acceptor;
    /** Cuts handshakes that outlast the frame timeout (a read timeout alone would let a trickle go on). */
    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "tcp-handshake-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    private TcpServer(ServerSocket socket, Handler handler, ServerLimits limits, Security security, Diagnostics diag) {
        this.socket = socket;
        this.handler = handler;
        this.limits = limits;
        this.security = security;
        this.diag = diag;
        this.refusals = new ReportLimiter(diag, REPORT_INTERVAL_MILLIS);
        this.budget = new FrameBudget(limits.bufferBudgetBytes());
        watchdog.setRemoveOnCancelPolicy(true); // one task per connection: do not keep the cancelled ones
        this.acceptor = new Thread(this::acceptLoop, "tcp-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Binds {@code address} (port 0: any free port) and starts accepting. */
    public static TcpServer start(InetSocketAddress address, ServerLimits limits, Security security, Handler handler,
            Diagnostics diag) throws IOException {
        ServerSocket ss = security.newServerSocket();
        ss.setReuseAddress(true);
        try {
            ss.bind(address);
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        TcpServer s = new TcpServer(ss, handler, limits, security, diag);
        s.acceptor.start();
        return s;
    }

    /** Plaintext with the default limits and frame limit {@code maxFrameBytes}. */
    public static TcpServer start(InetSocketAddress address, int maxFrameBytes, Handler handler, Diagnostics diag)
            throws IOException {
        return start(address, ServerLimits.defaults(maxFrameBytes), Security.PLAINTEXT, handler, diag);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Frames refused since start (each closed its connection), slow frames included. */
    public long rejectedFrames() {
        return rejected.get();
    }

    public long acceptedConnections() {
        return accepted.get();
    }

    /** Connections closed at once because {@code maxConnections} were open. */
    public long refusedOverCap() {
        return refusedOverCap.get();
    }

    /** Connections whose TLS handshake failed (no certificate, or one the cluster's CA did not sign). */
    public long refusedUnauthenticated() {
        return refusedUnauthenticated.get();
    }

    /** Connections closed for silence (idle timeout). */
    public long timedOut() {
        return timedOut.get();
    }

    public int openConnections() {
        return conns.size();
    }

    /** Largest number of bytes partly received frames held at once, over all connections. */
    public long peakBufferedBytes() {
        return budget.peak();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                if (!closed) {
                    diag.report("accept failed on " + address() + ": " + e.getMessage());
                }
                continue;
            }
            if (conns.size() >= limits.maxConnections()) {
                refusedOverCap.incrementAndGet();
                refusals.report("cap", "refusing connection from " + s.getRemoteSocketAddress() + ": "
                        + limits.maxConnections() + " connections open (the cap)");
                closeQuietly(s);
                continue;
            }
            try {
                s.setTcpNoDelay(true);
            } catch (SocketException e) {
                closeQuietly(s);
                continue;
            }
            accepted.incrementAndGet();
            Conn c = new Conn(s);
            conns.add(c);
            c.reader.start();
        }
    }

    private static String host(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private final class Conn {
        final Socket s;
        final SocketAddress remote;
        final Thread reader;
        final ExecutorService writer;
        volatile DataOutputStream out;

        Conn(Socket s) {
            this.s = s;
            this.remote = s.getRemoteSocketAddress();
            this.reader = new Thread(this::readLoop, "tcp-conn-" + remote);
            reader.setDaemon(true);
            this.writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tcp-reply-" + remote);
                t.setDaemon(true);
                return t;
            });
        }

        void readLoop() {
            try {
                String identity;
                ScheduledFuture<?> cut;
                try {
                    cut = watchdog.schedule(() -> closeQuietly(s), limits.frameTimeoutMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    return; // the server is closing
                }
                try {
                    identity = security.authenticate(s, limits.frameTimeoutMillis());
                    if (!cut.cancel(false)) {
                        throw new IOException("handshake not complete within " + limits.frameTimeoutMillis() + " ms");
                    }
                } catch (IOException e) {
                    cut.cancel(false);
                    if (!closed) {
                        refusedUnauthenticated.incrementAndGet();
                        refusals.report("auth " + host(remote), "refusing connection from " + remote
                                + ": not authenticated: " + firstLine(e));
                    }
                    return;
                }
                serve(identity);
            } finally {
                close();
            }
        }

        private void serve(String identity) {
            try {
                TimedInput timed = new TimedInput(s, s.getInputStream(), limits.idleTimeoutMillis(),
                        limits.frameTimeoutMillis());
                BufferedInputStream in = new BufferedInputStream(timed, 1 << 16);
                out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
                Frame f;
                while ((f = Frame.read(in, limits.maxFrameBytes(), budget)) != null) {
                    timed.frameDone();
                    switch (f.kind()) {
                        case RAFT -> {
                            Message m = MessageCodec.decode(f.payload());
                            if (identity != null && !identity.equals(m.from())) {
                                throw new BadFrameException("a " + m.type() + " from " + m.from()
                                        + " on a connection authenticated as " + identity);
                            }
                            handler.onMessage(m);
                        }
                        case CLIENT_REQUEST -> handler.onClientRequest(ClientCodec.decodeRequest(f.payload()),
                                this::reply);
                        case CLIENT_REPLY -> throw new BadFrameException("a server does not accept client replies");
                    }
                }
            } catch (BadFrameException e) {
                rejected.incrementAndGet();
                // One line per host and kind of fault (numbers aside): a repeated forgery is reported once.
                refusals.report("frame " + host(remote) + " " + e.getMessage().replaceAll("\\d+", "#"),
                        "closing connection from " + remote + ": bad frame: " + e.getMessage());
            } catch (TimedInput.IdleException e) {
                timedOut.incrementAndGet();
            } catch (SocketException e) {
                // reset by the peer or closed by us: nothing to report
            } catch (IOException e) {
                if (!closed) {
                    refusals.report("io " + host(remote), "connection from " + remote + " failed: " + e.getMessage());
                }
            }
        }

        void reply(ClientReply r) {
            if (writer.isShutdown()) {
                return; // the client went away; it will retry elsewhere
            }
            byte[] payload = ClientCodec.encodeReply(r);
            try {
                writer.execute(() -> {
                    try {
                        new Frame(FrameKind.CLIENT_REPLY, payload).write(out);
                        out.flush();
                    } catch (IOException e) {
                        close();
                    }
                });
            } catch (RejectedExecutionException e) {
                // closed meanwhile
            }
        }

        void close() {
            conns.remove(this);
            writer.shutdown();
            closeQuietly(s);
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Conn c : conns) {
            c.close();
        }
    }
}
