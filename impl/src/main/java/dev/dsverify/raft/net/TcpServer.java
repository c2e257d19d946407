package dev.dsverify.raft.net;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.Message;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Accepts connections from peers and clients on one address. Each connection gets a reader thread; Raft
 * frames go to {@link Handler#onMessage}, client requests to {@link Handler#onClientRequest} whose replies go
 * back on the same connection through that connection's writer thread (so the caller, the node's event loop,
 * never blocks on a slow client). A bad frame closes its connection only.
 */
public final class TcpServer implements AutoCloseable {

    /** What the server hands received frames to; both methods must return quickly. */
    public interface Handler {
        void onMessage(Message m);

        void onClientRequest(ClientRequest request, Consumer<ClientReply> reply);
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final int maxFrameBytes;
    private final Diagnostics diag;
    private final Set<Conn> conns = ConcurrentHashMap.newKeySet();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpServer(ServerSocket socket, Handler handler, int maxFrameBytes, Diagnostics diag) {
        this.socket = socket;
        this.handler = handler;
        this.maxFrameBytes = maxFrameBytes;
        this.diag = diag;
        this.acceptor = new Thread(this::acceptLoop, "tcp-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Binds {@code address} (port 0: any free port) and starts accepting. */
    public static TcpServer start(InetSocketAddress address, int maxFrameBytes, Handler handler, Diagnostics diag)
            throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        try {
            ss.bind(address);
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        TcpServer s = new TcpServer(ss, handler, maxFrameBytes, diag);
        s.acceptor.start();
        return s;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Frames refused since start (each closed its connection). */
    public long rejectedFrames() {
        return rejected.get();
    }

    public long acceptedConnections() {
        return accepted.get();
    }

    public int openConnections() {
        return conns.size();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                accepted.incrementAndGet();
                Conn c = new Conn(s);
                conns.add(c);
                c.reader.start();
            } catch (IOException e) {
                if (!closed) {
                    diag.report("accept failed on " + address() + ": " + e.getMessage());
                }
            }
        }
    }

    private final class Conn {
        final Socket s;
        final Thread reader;
        final ExecutorService writer;
        volatile DataOutputStream out;

        Conn(Socket s) {
            this.s = s;
            this.reader = new Thread(this::readLoop, "tcp-conn-" + s.getRemoteSocketAddress());
            reader.setDaemon(true);
            this.writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tcp-reply-" + s.getRemoteSocketAddress());
                t.setDaemon(true);
                return t;
            });
        }

        void readLoop() {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16))) {
                out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
                Frame f;
                while ((f = Frame.read(in, maxFrameBytes)) != null) {
                    switch (f.kind()) {
                        case RAFT -> handler.onMessage(MessageCodec.decode(f.payload()));
                        case CLIENT_REQUEST -> handler.onClientRequest(ClientCodec.decodeRequest(f.payload()),
                                this::reply);
                        case CLIENT_REPLY -> throw new BadFrameException("a server does not accept client replies");
                    }
                }
            } catch (BadFrameException e) {
                diag.report("closing connection from " + s.getRemoteSocketAddress() + ": bad frame: "
                        + e.getMessage());
                rejected.incrementAndGet();
            } catch (SocketException e) {
                // reset by the peer or closed by us: nothing to report
            } catch (IOException e) {
                if (!closed) {
                    diag.report("connection from " + s.getRemoteSocketAddress() + " failed: " + e.getMessage());
                }
            } finally {
                close();
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
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile
            }
        }

        void close() {
            conns.remove(this);
            writer.shutdown();
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
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
