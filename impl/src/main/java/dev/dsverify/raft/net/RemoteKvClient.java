package dev.dsverify.raft.net;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.KvClient;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A blocking client session over TCP: drives a {@link KvClient} (retries with the same sequence number, leader
 * redirection, rotation on timeouts) from the calling thread. One operation at a time; not thread-safe. After an
 * operation ran out of time the session is unusable, since that operation may still take effect.
 */
public final class RemoteKvClient implements AutoCloseable {
    private record Received(String server, ClientReply reply) {}

    private final KvClient client;
    private final TcpClientTransport transport;
    private final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final long origin = System.nanoTime();
    private String lastServer;
    private boolean poisoned;

    /**
     * @param attemptTimeoutMillis how long one attempt waits for an answer before trying the next server
     */
    public RemoteKvClient(String clientId, Map<String, InetSocketAddress> servers, long attemptTimeoutMillis) {
        this(clientId, servers, attemptTimeoutMillis, Security.PLAINTEXT);
    }

    /**
     * @param attemptTimeoutMillis how long one attempt waits for an answer before trying the next server
     * @param security             plaintext, or the client's certificate and the cluster's CA
     */
    public RemoteKvClient(String clientId, Map<String, InetSocketAddress> servers, long attemptTimeoutMillis,
            Security security) {
        this.transport = new TcpClientTransport(servers, (s, r) -> inbox.add(new Received(s, r)),
                Frame.MAX_CLIENT_BYTES, security);
        List<String> ids = new ArrayList<>(servers.keySet());
        ids.sort(null);
        this.client = new KvClient(clientId, ids, transport, attemptTimeoutMillis);
    }

    /**
     * Runs {@code op} until a server answers OK, or throws {@link ClusterUnavailableException} when
     * {@code timeoutMillis} pass first.
     */
    public KvResult execute(KvOp op, long timeoutMillis) throws ClusterUnavailableException, InterruptedException {
        if (poisoned) {
            throw new IllegalStateException("an earlier operation of " + client.clientId() + " timed out");
        }
        KvResult[] result = new KvResult[1];
        long deadline = now() + timeoutMillis;
        client.tick(now());
        client.submit(op, r -> result[0] = r);
        while (result[0] == null) {
            long left = deadline - now();
            if (left <= 0) {
                poisoned = true;
                String err = transport.lastError();
                throw new ClusterUnavailableException("no server completed " + describe(op) + " within "
                        + timeoutMillis + " ms (" + client.attempts() + " attempts)"
                        + (err == null ? "" : "; last connection error: " + err));
            }
            Received r = inbox.poll(Math.min(left, 10), TimeUnit.MILLISECONDS);
            if (r != null) {
                client.onReply(r.reply());
                if (result[0] != null) {
                    lastServer = r.server();
                }
            }
            client.tick(now());
        }
        return result[0];
    }

    /** The server that answered the last successful operation: the leader at that time. */
    public String lastServer() {
        return lastServer;
    }

    private long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    private static String describe(KvOp op) {
        return op.getClass().getSimpleName().toLowerCase() + " " + op.key();
    }

    @Override
    public void close() {
        transport.close();
    }
}
