package dev.dsverify.raft.sim;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.client.KvClient;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.PreVoteRequest;
import dev.dsverify.raft.core.PreVoteResponse;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.Role;
import dev.dsverify.raft.host.KvServer;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import dev.dsverify.raft.lin.LinResult;
import dev.dsverify.raft.lin.LinearizabilityChecker;
import dev.dsverify.raft.lin.Operation;
import dev.dsverify.raft.storage.Directory;
import dev.dsverify.raft.storage.FileStorage;
import dev.dsverify.raft.storage.Storage;
import dev.dsverify.raft.storage.StorageException;
import dev.dsverify.raft.trace.EventType;
import dev.dsverify.raft.trace.StateChange;
import dev.dsverify.raft.trace.TraceBuffer;
import dev.dsverify.raft.trace.TraceSink;
import dev.dsverify.raft.trace.Tracer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic discrete-event simulation of a cluster of {@link KvServer}s, a faulty network between them
 * and a set of clients. Everything random is drawn from generators seeded by {@link SimConfig#seed()}, and
 * events at equal times run in the order they were scheduled, so a seed and a schedule reproduce a run
 * exactly. Invariants are checked after every server step; at the end the client history is checked for
 * linearizability.
 *
 * <p>Network faults are logged to the trace as the contract's DropMessage and DuplicateMessage events (with the
 * destination as {@code node}), so the trace's bag of messages in flight matches the network's.
 *
 * <p>Each server keeps its state with the production {@link FileStorage} on its own {@link SimDisk}, which a crash
 * treats like a real disk: what was not fsynced is lost, kept or torn, drawn from the seed. A crash may also strike
 * inside a step ({@link CrashPoint}); a step's trace lines are written only once the step's state is durable, and
 * those of a step a crash interrupts only if the restarted server's recovery finds its state ({@link DeferredSink}),
 * so a trace with crashes of every kind still describes what each server's disk holds. A server whose storage cannot be recovered fails the run
 * ({@code Recovery}).
 */
public final class Simulator {
    private static final long TICK = 10_000L;          // 10 ms per server tick at clock rate 1
    private static final long CLIENT_TIMEOUT = 150_000L;
    private static final int ELECTION_TICKS = 10;
    private static final int HEARTBEAT_TICKS = 3;

    private final SimConfig cfg;
    private final Schedule schedule;
    private StorageFault storageFault = StorageFault.NONE;
    private final List<String> ids;
    private final PriorityQueue<Timed> queue = new PriorityQueue<>();
    private final Random net;
    private final Random work;
    private final Random diskRandom;
    /** Whether a message gets forged company: a generator of its own, so the others draw the same at any rate. */
    private final Random forge;
    private Forger forger = Forger.MALFORMED;
    private long forgeries;
    private final TraceBuffer traceBuffer;
    private final TraceSink sink;
    private final Invariants inv = new Invariants();
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    private final List<Fault.Partition> partitions = new ArrayList<>();
    private final Map<String, Long> linkClear = new HashMap<>();
    private final List<KvClient> clients = new ArrayList<>();
    private final List<Operation> history = new ArrayList<>();
    private final Map<String, String> lastWritten = new HashMap<>();
    private long now;
    private long seq;
    private long stamp;
    private long steps;
    private long messages;
    private int issued;
    private int completed;
    private long valueCounter;
    private long bugActivations;
    private int tornCrashes;
    // --- swarm rates and the liveness phase
    private double dropRate;
    private double dupRate;
    private double slowRate;
    private long slowMax = 200_000L;
    private LivenessCheck live;
    private boolean faultsOver;
    /** The latest time a message in flight arrives: the network has drained after it. */
    private long latestArrival;
    // --- the end of the run: every operation done, the faults stopped, every server caught up
    private final ConvergenceCheck convergence = new ConvergenceCheck(TICK);
    private final QuorumContactCheck contact;
    private boolean finished;
    // --- client think time: a generator of its own, so that the other draws are the same with it off
    private final Random think;
    private final Map<KvClient, Long> readyAt = new HashMap<>();

    private record Timed(long time, long seq, Runnable action) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }

    private final class SimNode {
        final String id;
        final int index;
        final SimDisk disk;
        final DeferredSink traceOut;
        final Tracer tracer;
        /** The running process's storage (a new one after each restart, as a new process opens its files). */
        StepStorage storage;
        /** An in-step crash waiting for the node to reach its point. */
        CrashPoint armed;
        /** The durable part of the state a crash interrupted (what its held trace lines describe), or null. */
        Durable interrupted;
        double rate = 1.0;
        KvServer server;
        boolean up = true;
        long pausedUntil;
        int incarnation;
        /** Ticks scheduled before a pause was cut short are void (a new one is scheduled then). */
        int tickEpoch;
        /** What the node has produced, for telling whether an input had any effect ({@link Observed}). */
        long sent;
        long readies;

        SimNode(String id, int index) {
            this.id = id;
            this.index = index;
            this.disk = new SimDisk(id);
            this.traceOut = new DeferredSink(sink);
            this.tracer = new Tracer(id, traceOut);
        }

        /** Opens the node's storage on its disk, as a starting process does. */
        Storage openStorage() {
            Directory d = storageFault == StorageFault.SKIP_WAL_FSYNC ? new SkipFsyncDirectory(disk, "wal") : disk;
            Storage s = FileStorage.open(d, id);
            if (storageFault == StorageFault.ACK_BEFORE_FSYNC) {
                s = new LateSyncStorage(s);
            }
            storage = new StepStorage(s, traceOut::flush, r -> {
                if (interrupted != null) {
                    traceOut.settle(interrupted.equals(Durable.of(r)));
                    interrupted = null;
                }
            });
            return storage;
        }

        RaftConfig raftConfig() {
            long s = cfg.seed() * 1_000_003L + index * 7919L + incarnation * 104_729L;
            return new RaftConfig(id, ids, ELECTION_TICKS, HEARTBEAT_TICKS, s, cfg.bugs(), cfg.preVote(),
                    cfg.checkQuorum()).withMaxAppend(cfg.maxAppendEntries(), cfg.maxAppendBytes());
        }

        boolean paused() {
            return now < pausedUntil;
        }
    }

    public Simulator(SimConfig cfg, Schedule schedule) {
        this.cfg = cfg;
        this.schedule = schedule;
        this.ids = SimConfig.nodeIds(cfg.nodes());
        this.net = new Random(cfg.seed() * 31 + 1);
        this.work = new Random(cfg.seed() * 31 + 2);
        this.diskRandom = new Random(cfg.seed() * 31 + 3);
        this.forge = new Random(cfg.seed() * 31 + 4);
        this.traceBuffer = cfg.trace() ? new TraceBuffer() : null;
        this.sink = cfg.trace() ? traceBuffer : TraceSink.OFF;
        this.dropRate = cfg.dropRate();
        this.dupRate = cfg.dupRate();
        this.slowRate = cfg.slowRate();
        this.think = new Random(cfg.seed() * 31 + 5);
        this.contact = cfg.checkQuorum() ? new QuorumContactCheck(ids, ELECTION_TICKS) : null;
    }

    /** Runs every server on a storage path broken on purpose (tests of the simulator's reach). */
    public Simulator withStorageFault(StorageFault fault) {
        this.storageFault = fault;
        return this;
    }

    /** Forges with {@code f} instead of {@link Forger#MALFORMED} (tests of the simulator's reach). */
    public Simulator withForger(Forger f) {
        this.forger = f;
        return this;
    }

    /** How many forged messages the network has delivered so far. */
    public long forgeries() {
        return forgeries;
    }

    /** Runs the seed with its generated schedule. */
    public static SimResult run(SimConfig cfg, int ops, Set<FaultType> faults) {
        return new Simulator(cfg, Schedule.generate(cfg.seed(), cfg.nodes(), ops, faults, cfg.tornWrites())).run();
    }

    public SimResult run() {
        String failure = null;
        String property = null;
        LinResult lin = null;
        SimResult.Verdict verdict;
        try {
            setUp();
            // No cap on simulated time: after the faults stop, the liveness check bounds every pending command, and
            // once every operation is done the convergence check bounds the rest of the run.
            if (schedule.ops() == 0) {
                operationsDone();
            }
            while (!queue.isEmpty() && !finished) {
                Timed t = queue.poll();
                now = t.time();
                t.action().run();
            }
            if (completed < schedule.ops()) {
                property = "Liveness";
                failure = "Liveness: only " + completed + " of " + schedule.ops()
                        + " operations completed and nothing is left to happen";
            }
            lin = new LinearizabilityChecker().check(history);
            if (failure == null && lin.status() == LinResult.Status.VIOLATION) {
                property = "Linearizability";
                failure = "Linearizability: " + lin.detail();
            }
            if (failure != null) {
                verdict = SimResult.Verdict.FAIL;
            } else if (lin.status() == LinResult.Status.UNKNOWN) {
                verdict = SimResult.Verdict.UNKNOWN;
                failure = "linearizability undecided: " + lin.detail();
            } else {
                verdict = SimResult.Verdict.PASS;
            }
        } catch (InvariantViolation v) {
            verdict = SimResult.Verdict.FAIL;
            property = v.property();
            failure = v.getMessage() + String.format(" (at %.6fs)", now / 1e6);
        } catch (RuntimeException e) {
            verdict = SimResult.Verdict.FAIL;
            property = "Crash:" + e.getClass().getSimpleName();
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            failure = "exception " + e + String.format(" at %.6fs%n", now / 1e6) + sw;
        }
        for (SimNode n : nodes.values()) {
            if (n.server != null) {
                bugActivations += n.server.node().bugActivations();
            }
        }
        return new SimResult(cfg.seed(), schedule, verdict, failure, property, now, steps, completed, messages,
                inv.leaders(), inv.maxCommitted(), bugActivations, tornCrashes, lin, List.copyOf(history),
                traceBuffer == null ? List.of() : traceBuffer.events(),
                live == null ? LivenessCheck.Report.NONE
                        : live.report(now, finished ? convergence.ticksSinceStart(now) : -1));
    }

    // ------------------------------------------------------------------ setup

    private void setUp() {
        int i = 0;
        for (String id : ids) {
            nodes.put(id, new SimNode(id, i++));
        }
        for (Fault f : schedule.faults()) {
            if (f instanceof Fault.Skew s) {
                nodes.get(s.node()).rate = s.rate();
            } else if (f instanceof Fault.Partition p) {
                faultAt(p.at(), () -> {
                    partitions.add(p);
                    live.topologyChanged(now);
                });
                at(p.until(), () -> {
                    partitions.remove(p);
                    live.topologyChanged(now);
                });
            } else if (f instanceof Fault.Crash c && c.inStep()) {
                faultAt(c.at(), () -> arm(nodes.get(c.node()), c.point()));
                at(c.restartAt(), () -> {
                    SimNode n = nodes.get(c.node());
                    if (n.up) {
                        disarm(n); // the node never reached the point meanwhile: the crash never struck
                    } else {
                        restart(n);
                    }
                });
            } else if (f instanceof Fault.Crash c) {
                faultAt(c.at(), () -> crash(nodes.get(c.node())));
                at(c.restartAt(), () -> restart(nodes.get(c.node())));
            } else if (f instanceof Fault.Pause p) {
                faultAt(p.at(), () -> {
                    SimNode n = nodes.get(p.node());
                    n.pausedUntil = Math.max(n.pausedUntil, p.until());
                    live.topologyChanged(now);
                });
                at(p.until(), () -> live.topologyChanged(now));
            } else {
                swarmFault(f);
            }
        }
        setUpLiveness();
        for (SimNode n : nodes.values()) {
            n.server = KvServer.boot(n.raftConfig(), n.openStorage(), m -> send(n, m), n.tracer)
                    .snapshotEvery(cfg.snapshotEvery());
            n.traceOut.flush();
            watch(n);
            inv.restarted(n.id);
            // Servers start at slightly different moments, like real processes.
            scheduleTick(n, (long) (net.nextDouble() * TICK));
        }
        for (int c = 0; c < cfg.clients(); c++) {
            String cid = "c" + (c + 1);
            KvClient[] holder = new KvClient[1];
            holder[0] = new KvClient(cid, ids, (server, req) -> clientSend(holder[0], server, req), CLIENT_TIMEOUT);
            clients.add(holder[0]);
        }
        at(5_000L, this::clientTick);
    }

    private void watch(SimNode n) {
        n.server.onApply(a -> inv.applied(n.id, a.index(), a.entry()));
        n.server.onReady(rd -> {
            n.readies++;
            inv.ready(n.id, rd);
        });
        n.server.onSent(rd -> {
            if (n.armed == CrashPoint.AFTER_SEND) {
                n.armed = null;
                throw new Crashed();
            }
        });
    }

    /** From now on, {@code n}'s next arrival at {@code point} crashes it (a node that is down is left alone). */
    private void arm(SimNode n, CrashPoint point) {
        if (!n.up) {
            return;
        }
        disarm(n);
        n.armed = point;
        switch (point) {
            // the WAL's fsync or the mark's after it: the disk then holds the WAL's records but an older mark
            case WRITE_FSYNC -> n.disk.armFsync(diskRandom.nextInt(2));
            case AFTER_PERSIST -> n.storage.arm(true);
            case AFTER_SEND, BETWEEN_STEPS -> { }
        }
    }

    private void disarm(SimNode n) {
        n.armed = null;
        n.disk.disarm();
        if (n.storage != null) {
            n.storage.arm(false);
        }
    }

    // ------------------------------------------------------------------ events

    private void at(long time, Runnable r) {
        queue.add(new Timed(time, seq++, r));
    }

    /**
     * The start of a scheduled fault: it happens only while the faults are on. When the operations end them early,
     * what was to start later never does.
     */
    private void faultAt(long time, Runnable start) {
        at(time, () -> {
            if (!faultsOver) {
                start.run();
            }
        });
    }

    /** A message's arrival (or a client's request or reply): the network drains only after it. */
    private void arrives(long time, Runnable r) {
        latestArrival = Math.max(latestArrival, time);
        at(time, r);
    }

    private void scheduleTick(SimNode n, long delay) {
        int inc = n.incarnation;
        int epoch = n.tickEpoch;
        at(now + delay, () -> tick(n, inc, epoch));
    }

    private void tick(SimNode n, int inc, int epoch) {
        if (!n.up || n.incarnation != inc || n.tickEpoch != epoch) {
            return;
        }
        if (n.paused()) {
            at(n.pausedUntil, () -> tick(n, inc, epoch));
            return;
        }
        if (!stepped(n, () -> n.server.tick())) {
            return;
        }
        if (contact != null) {
            RaftNode node = n.server.node();
            contact.ticked(n.id, node.role() == Role.Leader, node.currentTerm());
        }
        scheduleTick(n, Math.max(1, (long) (TICK / n.rate)));
    }

    /** Runs one step of {@code n} and checks it; false when an in-step crash struck during the step. */
    private boolean stepped(SimNode n, Runnable step) {
        try {
            step.run();
        } catch (Crashed c) {
            tornCrashes++;
            crash(n);
            return false;
        }
        n.traceOut.flush(); // lines of a step that persisted nothing: they describe no durable state
        checked(n);
        live.stepped(now);
        return true;
    }

    private void checked(SimNode n) {
        steps++;
        inv.afterStep(n.server.node());
    }

    private void crash(SimNode n) {
        if (!n.up) {
            return;
        }
        n.up = false;
        RaftNode node = n.server.node();
        bugActivations += node.bugActivations();
        n.server = null;
        n.incarnation++;
        disarm(n);
        n.storage = null;
        // the lines of an interrupted step wait for recovery to show whether its state survived
        if (n.traceOut.hold()) {
            n.interrupted = Durable.of(node);
        }
        // What was not fsynced is lost, kept or torn. Outside an in-step crash there is nothing: every Ready is
        // synced before its messages leave.
        n.disk.crash(diskRandom);
        live.topologyChanged(now);
    }

    private void restart(SimNode n) {
        if (n.up) {
            return;
        }
        n.up = true;
        n.pausedUntil = 0;
        inv.restarted(n.id);
        if (contact != null) {
            contact.restarted(n.id);
        }
        try {
            n.server = KvServer.restart(n.raftConfig(), n.openStorage(), m -> send(n, m), n.tracer)
                    .snapshotEvery(cfg.snapshotEvery());
        } catch (StorageException e) {
            throw new InvariantViolation("Recovery", n.id + " cannot restart from its disk after a crash: "
                    + e.getMessage());
        }
        n.traceOut.flush();
        watch(n);
        checked(n);
        live.topologyChanged(now);
        scheduleTick(n, (long) (net.nextDouble() * TICK) + 1);
    }

    // ------------------------------------------------------------------ network

    private boolean cut(String from, String to) {
        String link = from + ">" + to;
        for (Fault.Partition p : partitions) {
            if (p.cut().contains(link)) {
                return true;
            }
        }
        return false;
    }

    private long delay() {
        long d = 500L + (long) (net.nextDouble() * 4_500L);
        if (faulty(FaultType.DELAY) && net.nextDouble() < slowRate) {
            d += 20_000L + (long) (net.nextDouble() * (slowMax - 20_000L));
        }
        return d;
    }

    /** When a message sent now on this link arrives: FIFO per link unless REORDER is active. */
    private long arrival(String link) {
        long t = now + delay();
        if (!faulty(FaultType.REORDER)) {
            t = Math.max(t, linkClear.getOrDefault(link, 0L));
            linkClear.put(link, t);
        }
        return t;
    }

    private void send(SimNode from, Message m) {
        from.sent++;
        messages++;
        inv.sent(m, cfg.maxAppendEntries(), cfg.maxAppendBytes());
        if (cut(m.from(), m.to())
                || (faulty(FaultType.DROP) && net.nextDouble() < dropRate)) {
            networkEvent(EventType.DropMessage, m);
            return;
        }
        String link = m.from() + ">" + m.to();
        arrives(arrival(link), () -> deliver(m));
        if (faulty(FaultType.DUP) && net.nextDouble() < dupRate) {
            networkEvent(EventType.DuplicateMessage, m);
            arrives(now + delay(), () -> deliver(m));
        }
    }

    private void deliver(Message m) {
        SimNode n = nodes.get(m.to());
        if (!n.up) {
            networkEvent(EventType.DropMessage, m);
            return;
        }
        if (n.paused()) {
            at(n.pausedUntil, () -> deliver(m));
            return;
        }
        if (m.term() < n.server.node().currentTerm()) {
            live.staleMessage();
        }
        if (contact != null) {
            RaftNode node = n.server.node();
            contact.delivered(n.id, m.from(), m.term(), m instanceof PreVoteRequest || m instanceof PreVoteResponse,
                    node.role() == Role.Leader, node.currentTerm());
        }
        if (cfg.forgeRate() > 0 && forge.nextDouble() < cfg.forgeRate()) {
            forgeNextTo(n, m);
        }
        stepped(n, () -> n.server.receive(m));
    }

    /**
     * ForgedMessageRefused: the forged copies of {@code m} reach {@code n} first, and each must change nothing
     * an observer can see: not its state, not its clock, and it sends, persists and traces nothing. Refused
     * forgeries leave no mark, so the run goes on exactly as without them.
     */
    private void forgeNextTo(SimNode n, Message m) {
        for (Forgery f : forger.forge(m, n.id, n.server.node().currentTerm(), ids)) {
            forgeries++;
            Observed before = observe(n);
            try {
                n.server.receive(f.message());
            } catch (Crashed c) {
                // only a step that persists or sends reaches a crash point
                throw new InvariantViolation("ForgedMessageRefused", n.id + " acted on a forged " + f
                        + ": it reached a crash point armed for its next write or send");
            }
            List<String> changes = before.changesTo(observe(n));
            if (!changes.isEmpty()) {
                throw new InvariantViolation("ForgedMessageRefused", n.id + " accepted a forged " + f + ": "
                        + String.join(", ", changes) + "; forged " + f.message());
            }
        }
    }

    private Observed observe(SimNode n) {
        return Observed.of(n.server.node(), n.tracer.clock(), n.sent, n.readies, n.traceOut.emitted());
    }

    /** The network's own steps are traced at the destination, with its Lamport clock. */
    private void networkEvent(EventType type, Message m) {
        Tracer t = nodes.get(m.to()).tracer;
        if (t.enabled() && m.inContract()) {
            t.receive(m.clock());
            t.emit(type, m, null, StateChange.NONE);
            // the network's step, not the node's: nothing to wait for (unless lines of a crashed step are held)
            nodes.get(m.to()).traceOut.flush();
        }
    }

    // ------------------------------------------------------------------ clients

    private void clientTick() {
        live.check(now);
        for (KvClient c : clients) {
            c.tick(now);
            if (!c.busy() && issued < schedule.ops() && now >= readyAt.getOrDefault(c, 0L)) {
                issue(c);
            }
        }
        if (completed < schedule.ops()) {
            at(now + TICK, this::clientTick);
        }
    }

    private void issue(KvClient c) {
        issued++;
        String key = "k" + work.nextInt(cfg.keys());
        int dice = work.nextInt(100);
        KvOp op;
        if (dice < 30) {
            op = new KvOp.Put(key, newValue(key));
        } else if (dice < 70) {
            op = new KvOp.Get(key);
        } else if (dice < 85) {
            String expected = lastWritten.getOrDefault(key, "none");
            op = new KvOp.Cas(key, expected, newValue(key));
        } else {
            op = new KvOp.Delete(key);
        }
        int id = history.size();
        history.add(Operation.pending(id, c.clientId(), op, ++stamp));
        live.issued(id, c.clientId() + "'s " + op, now);
        c.submit(op, result -> complete(c, id, result));
    }

    private String newValue(String key) {
        String v = "v" + (++valueCounter);
        lastWritten.put(key, v);
        return v;
    }

    private void complete(KvClient c, int id, KvResult result) {
        if (result == null) {
            // the history would count the operation as never answered, which any outcome linearizes
            throw new InvariantViolation("Answered", c.clientId() + "'s " + history.get(id).op()
                    + " was answered OK without a result");
        }
        history.set(id, history.get(id).completed(++stamp, result));
        completed++;
        live.completed(id, now);
        if (issued < schedule.ops()) {
            if (cfg.thinkTicks() == 0) {
                issue(c);
            } else {
                // the next client tick at or after this moment issues the client's next command
                readyAt.put(c, now + (1 + think.nextInt(cfg.thinkTicks())) * TICK);
            }
        }
        if (completed == schedule.ops()) {
            operationsDone();
        }
    }

    private void clientSend(KvClient c, String server, ClientRequest req) {
        if (faulty(FaultType.DROP) && net.nextDouble() < dropRate) {
            return;
        }
        arrives(now + delay(), () -> serverReceives(c, server, req));
    }

    private void serverReceives(KvClient c, String server, ClientRequest req) {
        SimNode n = nodes.get(server);
        if (!n.up) {
            return;
        }
        if (n.paused()) {
            at(n.pausedUntil, () -> serverReceives(c, server, req));
            return;
        }
        int inc = n.incarnation;
        stepped(n, () -> n.server.submit(req, reply -> replyToClient(c, n, inc, reply)));
    }

    private void replyToClient(KvClient c, SimNode n, int inc, ClientReply reply) {
        if (n.incarnation != inc) {
            return;
        }
        if (faulty(FaultType.DROP) && net.nextDouble() < dropRate) {
            return;
        }
        arrives(now + delay(), () -> c.onReply(reply));
    }

    // ------------------------------------------------------------------ swarm faults and the liveness phase

    /** Whether a message fault kind acts now: active in the schedule and the faults have not stopped. */
    private boolean faulty(FaultType t) {
        return schedule.types().contains(t) && !faultsOver;
    }

    private void swarmFault(Fault f) {
        if (f instanceof Fault.Network w) {
            dropRate = w.drop();
            dupRate = w.dup();
            slowRate = w.slow();
            slowMax = w.slowMax();
        } else if (f instanceof Fault.IsolateLeader l) {
            faultAt(l.at(), () -> {
                Fault.Partition p = isolate(l);
                partitions.add(p);
                live.topologyChanged(now);
                at(l.until(), () -> {
                    partitions.remove(p);
                    live.topologyChanged(now);
                });
            });
        }
    }

    /** The partition cutting off whoever leads now (else the up server with the highest term, else n1). */
    private Fault.Partition isolate(Fault.IsolateLeader l) {
        SimNode target = null;
        for (SimNode n : nodes.values()) {
            if (!n.up) {
                continue;
            }
            if (target == null || better(n, target)) {
                target = n;
            }
        }
        String victim = target == null ? ids.get(0) : target.id;
        java.util.Set<String> cut = new java.util.TreeSet<>();
        for (String other : ids) {
            if (!other.equals(victim)) {
                cut.add(victim + ">" + other);
                cut.add(other + ">" + victim);
            }
        }
        return new Fault.Partition(l.at(), l.until(), cut, "[" + victim + "] (the leader) | the rest");
    }

    private static boolean better(SimNode a, SimNode b) {
        boolean al = a.server.node().role() == Role.Leader;
        boolean bl = b.server.node().role() == Role.Leader;
        if (al != bl) {
            return al;
        }
        return a.server.node().currentTerm() > b.server.node().currentTerm();
    }

    /** Slow messages up to this late (about one election timeout) still let elections succeed. */
    private static final long TIMELY_DELAY = 200_000L;

    private void setUpLiveness() {
        live = new LivenessCheck(new LivenessCheck.Cluster() {
            public List<String> ids() {
                return ids;
            }

            public boolean running(String id) {
                SimNode n = nodes.get(id);
                return n.up && !n.paused();
            }

            public boolean leader(String id) {
                SimNode n = nodes.get(id);
                return n.up && n.server.node().role() == Role.Leader;
            }

            public long term(String id) {
                SimNode n = nodes.get(id);
                return n.up ? n.server.node().currentTerm() : -1;
            }

            public boolean cut(String from, String to) {
                return Simulator.this.cut(from, to);
            }
        }, TICK, !schedule.types().contains(FaultType.DELAY) || slowMax <= TIMELY_DELAY);
        at(schedule.quietAt(), this::faultsStop);
    }

    /**
     * The faults stop: every partition heals, crashed servers restart, clocks run at one rate, the network loses,
     * duplicates and slows no more message. Scheduled fault ends all lie before this moment; healing here covers
     * any fault that outlives its schedule. The liveness phase starts once the messages slowed before have
     * arrived: a message the network still holds is part of the faults.
     */
    private void faultsStop() {
        if (faultsOver) {
            return; // the operations were done before the schedule's quiet moment and stopped the faults early
        }
        faultsOver = true;
        partitions.clear();
        for (SimNode n : nodes.values()) {
            n.rate = 1.0;
            if (!n.up) {
                restart(n);
            } else {
                disarm(n);
                if (n.paused()) {
                    // a pause cut short by an early stop: the node runs on from now
                    n.pausedUntil = now;
                    n.tickEpoch++;
                    scheduleTick(n, 1);
                }
            }
        }
        at(Math.max(now, latestArrival), () -> live.faultsStopped(now));
    }

    /**
     * Every client operation has completed: the faults stop now if they have not yet, and once the network has
     * drained the run goes on until every server has caught up with the leader ({@link ConvergenceCheck}).
     */
    private void operationsDone() {
        faultsStop();
        at(now, this::convergenceTick);
    }

    private void convergenceTick() {
        if (live.quiet()) {
            convergence.start(now);
            if (convergence.check(serverStates(), now)) {
                finished = true;
                return;
            }
        }
        at(now + TICK, this::convergenceTick);
    }

    private List<ConvergenceCheck.Server> serverStates() {
        List<ConvergenceCheck.Server> out = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (!n.up || n.paused()) {
                out.add(new ConvergenceCheck.Server(n.id, false, false, -1, 0, 0, 0, 0));
                continue;
            }
            RaftNode node = n.server.node();
            out.add(new ConvergenceCheck.Server(n.id, true, node.role() == Role.Leader,
                    node.currentTerm(), node.commitIndex(), n.server.stateMachine().appliedIndex(), node.lastIndex(),
                    node.term(node.lastIndex())));
        }
        return out;
    }
}
