package dev.dsverify.raft.net;

import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.host.Transport;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends Raft messages to peers over TCP, one {@link PeerLink} (connection and sender thread) per peer.
 * {@link #send} only enqueues, so the node's event loop never waits for the network.
 */
public final class TcpTransport implements Transport, AutoCloseable {
    /** Messages waiting per peer before new ones are dropped. */
    public static final int DEFAULT_QUEUE = 4096;

    private final Map<String, PeerLink> links = new LinkedHashMap<>();
    private final Diagnostics diag;

    public TcpTransport(Map<String, InetSocketAddress> peers, Backoff backoff, int maxFrameBytes, int queueCapacity,
            Security security, Diagnostics diag) {
        this(peers, backoff, maxFrameBytes, queueCapacity, security, PeerLink.IDLE_CLOSE_MILLIS, diag);
    }

    /** {@code idleCloseMillis}: a link with nothing to send for this long closes its connection until needed. */
    TcpTransport(Map<String, InetSocketAddress> peers, Backoff backoff, int maxFrameBytes, int queueCapacity,
            Security security, long idleCloseMillis, Diagnostics diag) {
        this.diag = diag;
        for (Map.Entry<String, InetSocketAddress> e : peers.entrySet()) {
            links.put(e.getKey(), new PeerLink(e.getKey(), e.getValue(), backoff.copy(), maxFrameBytes, queueCapacity,
                    security, idleCloseMillis, diag));
        }
    }

    public TcpTransport(Map<String, InetSocketAddress> peers, Backoff backoff, int maxFrameBytes, int queueCapacity,
            Diagnostics diag) {
        this(peers, backoff, maxFrameBytes, queueCapacity, Security.PLAINTEXT, diag);
    }

    public TcpTransport(Map<String, InetSocketAddress> peers, Diagnostics diag) {
        this(peers, Backoff.defaults(), Frame.DEFAULT_MAX_BYTES, DEFAULT_QUEUE, diag);
    }

    @Override
    public void send(Message m) {
        PeerLink l = links.get(m.to());
        if (l == null) {
            diag.report("no address for " + m.to() + "; dropping " + m.type());
            return;
        }
        l.offer(m);
    }

    public long connectAttempts(String peer) {
        return links.get(peer).connectAttempts();
    }

    public long connections(String peer) {
        return links.get(peer).connections();
    }

    public long sent(String peer) {
        return links.get(peer).sent();
    }

    public long dropped(String peer) {
        return links.get(peer).dropped();
    }

    @Override
    public void close() {
        for (PeerLink l : links.values()) {
            l.close();
        }
        for (PeerLink l : links.values()) {
            try {
                l.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
