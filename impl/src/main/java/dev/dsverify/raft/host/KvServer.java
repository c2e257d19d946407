package dev.dsverify.raft.host;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientReply.Status;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.ReadState;
import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.core.Role;
import dev.dsverify.raft.kv.KvCodec;
import dev.dsverify.raft.kv.KvCommand;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import dev.dsverify.raft.kv.KvStateMachine;
import dev.dsverify.raft.storage.Recovered;
import dev.dsverify.raft.storage.Storage;
import dev.dsverify.raft.trace.Tracer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one {@link RaftNode} with its storage, transport and key-value state machine: the Ready loop
 * (persist and fsync, then send, then apply, then serve reads) and the client protocol. It is
 * single-threaded and clock-free: whoever hosts it (the simulator, or a networked process with a timer
 * thread and an event queue) calls {@link #tick()}, {@link #receive} and {@link #submit} from one thread.
 */
public final class KvServer {
    private final RaftNode node;
    private final Storage storage;
    private final Transport transport;
    private final KvStateMachine sm = new KvStateMachine();
    private final Map<String, Pending> pendingWrites = new LinkedHashMap<>();
    private final Map<Long, Pending> pendingReads = new HashMap<>();
    private final ArrayDeque<ServableRead> servable = new ArrayDeque<>();
    private final List<Consumer<KvStateMachine.Applied>> applyListeners = new ArrayList<>();
    private final List<Consumer<Ready>> readyListeners = new ArrayList<>();
    private final List<Consumer<Ready>> sentListeners = new ArrayList<>();
    private long nextReadCtx = 1;
    private long snapshotEvery;

    private record Pending(ClientRequest req, Consumer<ClientReply> reply) {}

    private record ServableRead(long index, Pending p) {}

    private KvServer(RaftNode node, Storage storage, Transport transport) {
        this.node = node;
        this.storage = storage;
        this.transport = transport;
    }

    /** A server booting for the first time on empty storage (the spec's initial state). */
    public static KvServer boot(RaftConfig cfg, Storage storage, Transport transport, Tracer tracer) {
        Recovered r = storage.recover();
        if (!r.entries().isEmpty() || r.hardState().term() != 0) {
            throw new IllegalStateException("storage of " + cfg.id() + " is not empty; restart it instead");
        }
        return new KvServer(RaftNode.start(cfg, tracer), storage, transport);
    }

    /** A server coming back after a crash: recovers storage and takes the contract's Restart step. */
    public static KvServer restart(RaftConfig cfg, Storage storage, Transport transport, Tracer tracer) {
        return restarted(cfg, storage.recover(), storage, transport, tracer);
    }

    /**
     * A server started by a process on whatever its storage holds, read once: a storage that never received
     * a write boots in the initial state, anything else takes the contract's Restart step.
     */
    public static KvServer open(RaftConfig cfg, Storage storage, Transport transport, Tracer tracer) {
        Recovered r = storage.recover();
        boolean fresh = r.entries().isEmpty() && r.hardState().term() == 0 && r.validBytes() == 0;
        return fresh ? new KvServer(RaftNode.start(cfg, tracer), storage, transport)
                : restarted(cfg, r, storage, transport, tracer);
    }

    private static KvServer restarted(RaftConfig cfg, Recovered r, Storage storage, Transport transport,
                                      Tracer tracer) {
        KvServer s = new KvServer(RaftNode.restart(cfg, r.hardState(), r.snapshot(), r.entries(), tracer), storage,
                transport);
        if (r.snapshot() != null) {
            s.sm.restore(r.snapshot().data());
        }
        s.drain();
        return s;
    }

    /**
     * Takes a snapshot and compacts the log whenever {@code entries} more entries have been applied
     * (0, the default: never): the spec's CompactLog, traced like every other step.
     */
    public KvServer snapshotEvery(long entries) {
        this.snapshotEvery = entries;
        return this;
    }

    /** Observes every applied entry (used by the simulator's invariant checks). */
    public void onApply(Consumer<KvStateMachine.Applied> listener) {
        applyListeners.add(listener);
    }

    /** Observes every Ready before it is persisted (used by the simulator's log checks). */
    public void onReady(Consumer<Ready> listener) {
        readyListeners.add(listener);
    }

    /**
     * Observes every Ready once its messages are sent, before its entries are applied (used by the simulator to
     * crash a server at that point).
     */
    public void onSent(Consumer<Ready> listener) {
        sentListeners.add(listener);
    }

    public void tick() {
        maybeCompact();
        node.tick();
        drain();
    }

    /**
     * Snapshot option: compacts at the start of a tick, never in the middle of a step, so that observers see
     * every entry before it disappears into a snapshot. The snapshot is durable before the next input, as the
     * spec's CompactLog has it (a crash recovers it).
     */
    private void maybeCompact() {
        if (snapshotEvery > 0 && sm.appliedIndex() - node.snapshotIndex() >= snapshotEvery && !node.hasReady()) {
            node.compact(sm.appliedIndex(), sm.serialize());
            storage.saveSnapshot(node.snapshot(), new HardState(node.currentTerm(), node.votedFor()), node.log());
        }
    }

    public void receive(Message m) {
        node.step(m);
        drain();
    }

    /** Handles a client request; {@code reply} is called exactly once, possibly later. */
    public void submit(ClientRequest req, Consumer<ClientReply> reply) {
        accept(req, reply);
        drain();
    }

    /**
     * Handles several client requests, then drains once: their entries go into one Ready and share one fsync
     * (group commit). {@code replies} pairs with {@code requests} by position.
     */
    public void submitAll(List<ClientRequest> requests, List<Consumer<ClientReply>> replies) {
        for (int i = 0; i < requests.size(); i++) {
            accept(requests.get(i), replies.get(i));
        }
        drain();
    }

    private void accept(ClientRequest req, Consumer<ClientReply> reply) {
        if (node.role() != Role.Leader) {
            reply.accept(new ClientReply(req.clientId(), req.seq(), req.attempt(), Status.NOT_LEADER,
                    node.leaderId(), null));
            return;
        }
        Pending p = new Pending(req, reply);
        if (req.op() instanceof KvOp.Get) {
            long ctx = nextReadCtx++;
            pendingReads.put(ctx, p);
            node.readIndex(ctx);
        } else {
            KvResult cached = sm.cached(req.clientId(), req.seq());
            if (cached != null) {
                reply.accept(new ClientReply(req.clientId(), req.seq(), req.attempt(), Status.OK, null, cached));
                return;
            }
            Pending earlier = pendingWrites.put(key(req.clientId(), req.seq()), p);
            if (earlier == null) {
                node.propose(KvCodec.encode(new KvCommand(req.clientId(), req.seq(), req.op())));
            }
            // If the same command is already pending, the new attempt just takes over the reply.
        }
    }

    /** Runs Ready batches until none is left. */
    public void drain() {
        while (node.hasReady()) {
            Ready rd = node.ready();
            for (Consumer<Ready> l : readyListeners) {
                l.accept(rd);
            }
            storage.persist(rd);
            for (Message m : rd.messages()) {
                transport.send(m);
            }
            for (Consumer<Ready> l : sentListeners) {
                l.accept(rd);
            }
            if (rd.snapshot() != null) {
                sm.restore(rd.snapshot().data());
            }
            long index = rd.firstCommittedIndex();
            for (Entry e : rd.committed()) {
                KvStateMachine.Applied a = sm.apply(index++, e);
                for (Consumer<KvStateMachine.Applied> l : applyListeners) {
                    l.accept(a);
                }
                if (a.command() != null) {
                    Pending p = pendingWrites.remove(key(a.command().clientId(), a.command().seq()));
                    if (p != null) {
                        reply(p, Status.OK, a.result());
                    }
                }
            }
            for (ReadState rs : rd.readStates()) {
                Pending p = pendingReads.remove(rs.ctx());
                if (p == null) {
                    continue;
                }
                if (rs.ok()) {
                    servable.add(new ServableRead(rs.index(), p));
                } else {
                    reply(p, Status.NOT_LEADER, null);
                }
            }
            node.advance(rd);
            serveReads();
        }
        if (node.role() != Role.Leader) {
            failPending();
        }
    }

    private void serveReads() {
        while (!servable.isEmpty() && servable.peek().index() <= sm.appliedIndex()) {
            ServableRead r = servable.poll();
            reply(r.p(), Status.OK, sm.read(r.p().req().op().key()));
        }
    }

    /** A server that is no longer leader cannot know the fate of pending commands: the client retries. */
    private void failPending() {
        for (Iterator<Pending> it = pendingWrites.values().iterator(); it.hasNext(); ) {
            reply(it.next(), Status.RETRY, null);
            it.remove();
        }
        for (Pending p : pendingReads.values()) {
            reply(p, Status.RETRY, null);
        }
        pendingReads.clear();
        // Reads already confirmed stay valid: their read index was confirmed while this server led.
    }

    private void reply(Pending p, Status status, KvResult result) {
        ClientRequest q = p.req();
        p.reply().accept(new ClientReply(q.clientId(), q.seq(), q.attempt(), status,
                status == Status.NOT_LEADER ? node.leaderId() : null, result));
    }

    private static String key(String clientId, long seq) {
        return clientId + "#" + seq;
    }

    public RaftNode node() {
        return node;
    }

    public KvStateMachine stateMachine() {
        return sm;
    }
}
