package dev.dsverify.raft.net;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.client.ClientTransport;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A client's connections to the servers, opened on first use and reopened after a failure. A request that
 * cannot be written is simply lost: the {@link dev.dsverify.raft.client.KvClient} above times out and tries the
 * next server. Replies arrive on one reader thread per connection and are handed to {@code replies} together
 * with the id of the server that sent them. With {@link Security.MutualTls} every connection presents the
 * client's certificate and accepts only servers whose certificate the cluster's CA signed.
 */
public final class TcpClientTransport implements ClientTransport, AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private final Map<String, InetSocketAddress> servers;
    private final BiConsumer<String, ClientReply> replies;
    private final int maxFrameBytes;
    private final Security security;
    private final Map<String, Conn> conns = new HashMap<>();
    private volatile boolean closed;
    private volatile String lastError;

    public TcpClientTransport(Map<String, InetSocketAddress> servers, BiConsumer<String, ClientReply> replies,
            int maxFrameBytes, Security security) {
        this.security = security;
        this.servers = Map.copyOf(servers);
        this.replies = replies;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public synchronized void send(String server, ClientRequest request) {
        InetSocketAddress addr = servers.get(server);
        if (addr == null || closed) {
            return; // e.g. a leader hint naming a server this client was not told about
        }
        Conn c = conns.get(server);
        try {
            if (c == null || c.broken) {
                c = new Conn(server, addr);
                conns.put(server, c);
            }
            new Frame(FrameKind.CLIENT_REQUEST, ClientCodec.encodeRequest(request)).write(c.out);
            c.out.flush();
        } catch (IOException e) {
            lastError = server + " (" + addr + "): " + e.getMessage();
            if (c != null) {
                c.close();
            }
            conns.remove(server);
        }
    }

    /** The last failure to connect or write to a server (e.g. a refused TLS handshake), or null. */
    public String lastError() {
        return lastError;
    }

    private final class Conn {
        final String server;
        final Socket s;
        final DataOutputStream out;
        volatile boolean broken;

        Conn(String server, InetSocketAddress addr) throws IOException {
            this.server = server;
            this.s = security.connect(addr, CONNECT_TIMEOUT_MILLIS);
            try {
                this.out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 12));
            } catch (IOException e) {
                s.close();
                throw e;
            }
            Thread t = new Thread(this::readLoop, "kv-client-" + server);
            t.setDaemon(true);
            t.start();
        }

        void readLoop() {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()))) {
                Frame f;
                while ((f = Frame.read(in, maxFrameBytes)) != null) {
                    if (f.kind() != FrameKind.CLIENT_REPLY) {
                        throw new BadFrameException("expected a client reply, got " + f.kind());
                    }
                    replies.accept(server, ClientCodec.decodeReply(f.payload()));
                }
            } catch (IOException e) {
                // The server went away, sent garbage or refused our certificate: later requests open a new
                // connection; the reason is kept for the error the client finally reports.
                if (!broken && !closed) {
                    lastError = server + " (" + s.getRemoteSocketAddress() + "): " + e.getMessage();
                }
            } finally {
                close();
            }
        }

        void close() {
            broken = true;
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Conn c : conns.values()) {
            c.close();
        }
        conns.clear();
    }
}
