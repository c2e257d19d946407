package dev.dsverify.raft.net;

import dev.dsverify.raft.core.Message;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outgoing connection to one peer, with its own sender thread. Messages wait in a bounded queue; when the
 * queue is full, or the connection breaks with messages written but not yet read, they are lost, which Raft
 * tolerates (heartbeats and retries resend). A broken connection is reopened after a {@link Backoff} delay.
 * A connection idle for {@code idleCloseMillis} (default {@link #IDLE_CLOSE_MILLIS}) is closed by this side (the
 * receiving server would close it after its longer idle timeout, and a message written into a connection the
 * other side has just closed is lost), and reopened when the next message is due.
 */
final class PeerLink {
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    /** Silence after which this side closes the connection; below every server's idle timeout. */
    static final int IDLE_CLOSE_MILLIS = 5_000;

    private final String peer;
    private final InetSocketAddress address;
    private final Backoff backoff;
    private final int maxFrameBytes;
    private final Diagnostics diag;
    private final Security security;
    private final long idleCloseNanos;
    private final ReportLimiter reports;
    private final BlockingQueue<Message> queue;
    private final Thread thread;
    private final AtomicLong connectAttempts = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean closed;
    private volatile Socket socket;

    PeerLink(String peer, InetSocketAddress address, Backoff backoff, int maxFrameBytes, int queueCapacity,
            Security security, long idleCloseMillis, Diagnostics diag) {
        this.idleCloseNanos = idleCloseMillis * 1_000_000L;
        this.security = security;
        this.reports = new ReportLimiter(diag, 60_000);
        this.peer = peer;
        this.address = address;
        this.backoff = backoff;
        this.maxFrameBytes = maxFrameBytes;
        this.diag = diag;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "tcp-peer-" + peer);
        thread.setDaemon(true);
        thread.start();
    }

    /** Never blocks: a full queue drops the message. */
    void offer(Message m) {
        if (!queue.offer(m)) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        DataOutputStream out = null;
        long lastWrite = System.nanoTime();
        List<Message> batch = new ArrayList<>();
        while (!closed) {
            try {
                Message first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (out != null && System.nanoTime() - lastWrite > idleCloseNanos) {
                        closeSocket();
                        out = null;
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, 255);
                if (out == null) {
                    out = connect();
                    if (out == null) {
                        dropped.addAndGet(batch.size());
                        continue;
                    }
                }
                for (Message m : batch) {
                    byte[] payload = MessageCodec.encode(m);
                    if (payload.length + 2 > maxFrameBytes) {
                        dropped.incrementAndGet();
                        diag.report("not sending " + m.type() + " to " + peer + ": " + payload.length
                                + " bytes exceed the frame limit " + maxFrameBytes);
                        continue;
                    }
                    new Frame(FrameKind.RAFT, payload).write(out);
                }
                out.flush();
                lastWrite = System.nanoTime();
                sent.addAndGet(batch.size());
            } catch (IOException e) {
                dropped.addAndGet(batch.size());
                batch.clear();
                closeSocket();
                out = null;
            } catch (InterruptedException e) {
                break;
            }
        }
        closeSocket();
    }

    /** One connection attempt (with TLS, the handshake too); on failure sleeps the backoff delay, returns null. */
    private DataOutputStream connect() throws InterruptedException {
        connectAttempts.incrementAndGet();
        try {
            Socket s = security.connect(address, CONNECT_TIMEOUT_MILLIS);
            socket = s;
            if (closed) {
                closeSocket();
                return null;
            }
            backoff.reset();
            connections.incrementAndGet();
            return new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
        } catch (javax.net.ssl.SSLException e) {
            reports.report("tls", "cannot authenticate to " + peer + " at " + address + ": " + e.getMessage());
            return failed();
        } catch (IOException e) {
            return failed();
        }
    }

    private DataOutputStream failed() throws InterruptedException {
        // Messages queued for an unreachable peer are stale by the time it is back; Raft resends what still
        // matters.
        dropped.addAndGet(queue.size());
        queue.clear();
        Thread.sleep(backoff.nextDelayMillis());
        return null;
    }

    private void closeSocket() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    long connectAttempts() {
        return connectAttempts.get();
    }

    long connections() {
        return connections.get();
    }

    long dropped() {
        return dropped.get();
    }

    long sent() {
        return sent.get();
    }

    void close() {
        closed = true;
        thread.interrupt();
        closeSocket();
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }
}
