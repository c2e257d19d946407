package dev.dsverify.raft.client;

import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import java.util.List;
import java.util.function.Consumer;

/**
 * A client session: one outstanding operation at a time, retried with the same sequence number until a
 * server answers OK, following leader hints and trying servers in turn on timeouts. It is single-threaded
 * and clock-free like the server core: the owner passes time in through {@link #tick(long)} and replies
 * through {@link #onReply}; a blocking or networked wrapper only needs a {@link ClientTransport}.
 */
public final class KvClient {
    private final String clientId;
    private final List<String> servers;
    private final ClientTransport transport;
    private final long timeout;
    private String target;
    private long seq;
    private long attempt;
    private KvOp pending;
    private Consumer<KvResult> done;
    private long deadline;
    private long now;
    /** True while backing off: the next attempt goes to the already chosen target when the deadline passes. */
    private boolean backingOff;

    public KvClient(String clientId, List<String> servers, ClientTransport transport, long timeout) {
        this.clientId = clientId;
        this.servers = List.copyOf(servers);
        this.transport = transport;
        this.timeout = timeout;
        this.target = servers.get(Math.floorMod(clientId.hashCode(), servers.size()));
    }

    public boolean busy() {
        return pending != null;
    }

    /** Starts an operation; {@code done} runs once with its result. */
    public void submit(KvOp op, Consumer<KvResult> done) {
        if (pending != null) {
            throw new IllegalStateException(clientId + " already has an operation in flight");
        }
        this.pending = op;
        this.done = done;
        this.seq++;
        send();
    }

    /** Time passed; an unanswered attempt past its deadline is retried at the next server. */
    public void tick(long nowTime) {
        this.now = nowTime;
        if (pending != null && now >= deadline) {
            if (!backingOff) {
                rotate();
            }
            send();
        }
    }

    public void onReply(ClientReply r) {
        if (pending == null || r.seq() != seq || r.attempt() != attempt) {
            return; // a reply to an earlier attempt or operation
        }
        switch (r.status()) {
            case OK -> {
                Consumer<KvResult> d = done;
                pending = null;
                done = null;
                d.accept(r.result());
            }
            case NOT_LEADER -> {
                if (r.leaderHint() != null && !r.leaderHint().equals(target)) {
                    target = r.leaderHint();
                    send();
                } else {
                    rotate();
                    backOff();
                }
            }
            case RETRY -> {
                rotate();
                backOff();
            }
        }
    }

    private void rotate() {
        target = servers.get(Math.floorMod(servers.indexOf(target) + 1, servers.size()));
    }

    /** Waits a fraction of the timeout before the next attempt, so a leaderless cluster is not flooded. */
    private void backOff() {
        backingOff = true;
        deadline = now + Math.max(1, timeout / 5);
    }

    private void send() {
        backingOff = false;
        attempt++;
        deadline = now + timeout;
        transport.send(target, new ClientRequest(clientId, seq, attempt, pending));
    }

    public String clientId() {
        return clientId;
    }

    public long seq() {
        return seq;
    }

    public long attempts() {
        return attempt;
    }
}
