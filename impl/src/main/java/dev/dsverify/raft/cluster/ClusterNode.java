package dev.dsverify.raft.cluster;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.host.KvServer;
import dev.dsverify.raft.net.Backoff;
import dev.dsverify.raft.net.Diagnostics;
import dev.dsverify.raft.net.Security;
import dev.dsverify.raft.net.TcpServer;
import dev.dsverify.raft.net.TlsFiles;
import dev.dsverify.raft.net.TcpTransport;
import dev.dsverify.raft.storage.FileStorage;
import dev.dsverify.raft.trace.TraceSink;
import dev.dsverify.raft.trace.Tracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One Raft server as a networked process: {@link FileStorage} (fsync before anything leaves), a
 * {@link TcpServer} for peers and clients on one port, a {@link TcpTransport} to the peers, and one event-loop
 * thread through which every input passes, so the {@link KvServer} stays single-threaded. Client requests that
 * queue up while the loop is busy are handed over together and share one fsync (group commit). The trace, if
 * any, is written whole lines at a time after each fsync ({@link LineTraceSink}).
 *
 * <p>A failure of the loop (a storage error above all: a server that cannot make its state durable must not go
 * on voting or acknowledging) stops the node and is reported to {@code onFatal}.
 */
public final class ClusterNode implements AutoCloseable {
    private final NodeSpec spec;
    private final ScheduledExecutorService loop;
    private final FileStorage storage;
    private final LineTraceSink trace;
    private final TcpTransport transport;
    private final Consumer<Throwable> onFatal;
    private KvServer server;
    private TcpServer listener;
    private volatile boolean stopped;
    private final ConcurrentLinkedQueue<Submitted> clientInbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean batchScheduled = new AtomicBoolean();

    private record Submitted(ClientRequest request, Consumer<ClientReply> reply) {}
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClusterNode(NodeSpec spec, FileStorage storage, LineTraceSink trace, TcpTransport transport,
            Consumer<Throwable> onFatal) {
        this.spec = spec;
        this.storage = storage;
        this.trace = trace;
        this.transport = transport;
        this.onFatal = onFatal;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "raft-" + spec.id());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the storage (a server with durable state takes the contract's Restart step), binds the listen
     * address and starts ticking.
     */
    public static ClusterNode start(NodeSpec spec, Diagnostics diag, Consumer<Throwable> onFatal) throws IOException {
        Security security = TlsFiles.security(spec.tls()); // bad PEM files fail before anything is opened
        FileStorage storage = FileStorage.open(spec.dataDir(), spec.id());
        LineTraceSink trace = null;
        TcpTransport transport = null;
        ClusterNode n = null;
        try {
            trace = spec.trace() == null ? null : new LineTraceSink(spec.trace());
            transport = new TcpTransport(spec.peers(), Backoff.defaults(), spec.maxFrameBytes(),
                    TcpTransport.DEFAULT_QUEUE, security, diag);
            n = new ClusterNode(spec, storage, trace, transport, onFatal);
            n.boot();
            n.listener = TcpServer.start(spec.listen(), spec.limits(), security, n.handler(), diag);
            n.startTicking();
            return n;
        } catch (IOException | RuntimeException e) {
            if (n != null) {
                n.close();
            } else {
                if (transport != null) {
                    transport.close();
                }
                if (trace != null) {
                    trace.close();
                }
                storage.close();
            }
            throw e;
        }
    }

    private void boot() {
        Tracer tracer = trace == null ? new Tracer(spec.id(), TraceSink.OFF)
                : new Tracer(spec.id(), trace, trace.lastClock());
        RaftConfig cfg = new RaftConfig(spec.id(), spec.servers(), spec.electionTicks(), spec.heartbeatTicks(),
                spec.id().hashCode() * 1_000_003L ^ System.nanoTime(), Bugs.NONE);
        FlushingStorage st = new FlushingStorage(storage, this::flushTrace);
        try {
            server = loop.submit(() -> {
                KvServer s = KvServer.open(cfg, st, transport, tracer);
                s.snapshotEvery(spec.snapshotEvery());
                flushTrace();
                return s;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + spec.id(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re
                    : new IllegalStateException("cannot start " + spec.id() + ": " + c.getMessage(), c);
        }
    }

    private void startTicking() {
        loop.scheduleAtFixedRate(guarded(() -> server.tick()), spec.tickMillis(), spec.tickMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void flushTrace() {
        if (trace != null) {
            trace.flush();
        }
    }

    private TcpServer.Handler handler() {
        return new TcpServer.Handler() {
            @Override
            public void onMessage(Message m) {
                if (m.to().equals(spec.id()) && spec.peers().containsKey(m.from())) {
                    run(() -> server.receive(m));
                }
            }

            @Override
            public void onClientRequest(ClientRequest request, Consumer<ClientReply> reply) {
                clientInbox.add(new Submitted(request, reply));
                if (batchScheduled.compareAndSet(false, true)) {
                    run(ClusterNode.this::submitBatch);
                }
            }
        };
    }

    /**
     * Group commit: requests that arrived while the loop was busy (typically in an fsync) are proposed
     * together and share the next fsync.
     */
    private void submitBatch() {
        batchScheduled.set(false); // arrivals from now on schedule another batch
        List<ClientRequest> requests = new ArrayList<>();
        List<Consumer<ClientReply>> replies = new ArrayList<>();
        for (Submitted s; (s = clientInbox.poll()) != null; ) {
            requests.add(s.request());
            replies.add(s.reply());
        }
        if (!requests.isEmpty()) {
            server.submitAll(requests, replies);
        }
    }

    private void run(Runnable task) {
        try {
            loop.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            // stopping: inputs are dropped, as if they had arrived after the process ended
        }
    }

    /** Every loop task ends with the trace on file and turns a failure into a stop of the node. */
    private Runnable guarded(Runnable task) {
        return () -> {
            if (stopped) {
                return;
            }
            try {
                task.run();
                flushTrace();
            } catch (Throwable t) {
                stopped = true;
                loop.shutdown();
                onFatal.accept(t);
            }
        };
    }

    public InetSocketAddress address() {
        return listener.address();
    }

    public String id() {
        return spec.id();
    }

    public TcpServer listener() {
        return listener;
    }

    /** Reads server state on the loop thread (for status and tests). */
    public <T> T inspect(Function<KvServer, T> f) {
        try {
            return loop.submit(() -> f.apply(server)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops accepting input, lets the loop finish its current task, and closes network, trace and storage. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (listener != null) {
            listener.close();
        }
        loop.shutdown();
        try {
            if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped = true;
        transport.close();
        try {
            if (trace != null) {
                trace.close();
            }
        } catch (UncheckedIOException e) {
            onFatal.accept(e);
        } finally {
            storage.close();
        }
    }
}
