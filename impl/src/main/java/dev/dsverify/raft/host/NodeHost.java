package dev.dsverify.raft.host;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.storage.FileStorage;
import dev.dsverify.raft.trace.Tracer;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a {@link KvServer} as a live process: file storage, a timer that ticks every {@code tickMillis}, and one
 * event-loop thread through which every input passes, so the server itself stays single-threaded. Network
 * code calls {@link #receive} and {@link #submit} from any thread; outgoing messages leave through the
 * {@link Transport} on the loop thread (after their Ready was fsynced), so {@code Transport.send} must not block.
 */
public final class NodeHost implements AutoCloseable {
    private final ScheduledExecutorService loop;
    private final FileStorage storage;
    private final KvServer server;

    private NodeHost(ScheduledExecutorService loop, FileStorage storage, KvServer server) {
        this.loop = loop;
        this.storage = storage;
        this.server = server;
    }

    /**
     * Opens {@code dataDir} (creating it on first start) and starts ticking. A server whose storage holds state
     * takes the contract's Restart step; a fresh one starts in the initial state.
     */
    public static NodeHost start(RaftConfig cfg, Path dataDir, Transport transport, Tracer tracer, long tickMillis) {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "raft-" + cfg.id());
            t.setDaemon(true);
            return t;
        });
        FileStorage storage = FileStorage.open(dataDir, cfg.id());
        try {
            KvServer server = loop.submit(() -> KvServer.open(cfg, storage, transport, tracer)).get();
            NodeHost h = new NodeHost(loop, storage, server);
            loop.scheduleAtFixedRate(server::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
            return h;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.shutdownNow();
            throw new IllegalStateException("interrupted while starting " + cfg.id(), e);
        } catch (ExecutionException e) {
            loop.shutdownNow();
            storage.close();
            throw new IllegalStateException("cannot start " + cfg.id() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A message from a peer. */
    public void receive(Message m) {
        loop.execute(() -> server.receive(m));
    }

    /** A client request; {@code reply} runs on the loop thread, exactly once unless the process stops first. */
    public void submit(ClientRequest req, Consumer<ClientReply> reply) {
        loop.execute(() -> server.submit(req, reply));
    }

    /** Reads server state on the loop thread (for status pages and tests). */
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

    @Override
    public void close() {
        loop.shutdown();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        storage.close();
    }
}
