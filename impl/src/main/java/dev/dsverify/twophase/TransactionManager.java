package dev.dsverify.twophase;

import dev.dsverify.tracing.Event;
import dev.dsverify.tracing.Tracer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The transaction manager: collects "Prepared" votes, commits once every RM voted, aborts if the votes do not
 * come in time, and repeats its decision until the run ends (the network may lose it).
 *
 * <p>Its state is durable: each change is written to its {@link Disk} before the step is traced or anything
 * is sent, so a crash and restart changes no spec variable and is not a step of the log.
 */
final class TransactionManager {
    static final String ID = "tm";

    /** What survives a crash. */
    record Disk(String tmState, Set<String> tmPrepared) {
        Disk {
            tmPrepared = Set.copyOf(tmPrepared);
        }
    }

    private final List<String> rms;
    private final Tracer tracer;
    private final Set<Bug> bugs;
    private final Network net;
    private final BugSites bugSites;
    private final long abortAfter;
    private Disk disk = new Disk("init", Set.of());
    private boolean up = true;
    private long nextResend;

    TransactionManager(List<String> rms, Tracer tracer, Set<Bug> bugs, Network net, BugSites bugSites,
                       long abortAfter) {
        this.rms = List.copyOf(rms);
        this.tracer = tracer;
        this.bugs = bugs;
        this.net = net;
        this.bugSites = bugSites;
        this.abortAfter = abortAfter;
    }

    boolean isUp() {
        return up;
    }

    String state() {
        return disk.tmState();
    }

    void crash() {
        assert up : "only a running TM crashes";
        up = false;
    }

    /** Restarts from the durable state: nothing a spec variable holds is lost, so nothing is logged. */
    void restart() {
        assert !up : "only a crashed TM restarts";
        up = true;
        nextResend = 0;
    }

    void onPrepared(Message.Prepared m, long now) {
        assert up : "a crashed TM receives nothing";
        tracer.receive(m.clock());
        // A vote after the decision, or a repeated vote, changes nothing the spec has: no step.
        if (!disk.tmState().equals("init") || disk.tmPrepared().contains(m.rm())) {
            return;
        }
        Set<String> prepared = new TreeSet<>(disk.tmPrepared());
        prepared.add(m.rm());
        disk = new Disk("init", prepared);
        tracer.event("TMRcvPrepared").field("rm", m.rm()).msg(m.spec())
                .state("tmPrepared", new TreeSet<>(disk.tmPrepared())).emit();
        boolean all = disk.tmPrepared().containsAll(rms);
        if (all || bugs.contains(Bug.COMMIT_BEFORE_ALL_PREPARED)) {
            decide("committed", now, !all);
        }
    }

    void tick(long now) {
        assert up : "a crashed TM does not run";
        if (disk.tmState().equals("init") && now >= abortAfter) {
            decide("aborted", now, false);
        }
        if (!disk.tmState().equals("init") && now >= nextResend) {
            // Repeat the decision: the network may have lost it. Sending it again adds nothing to the
            // spec's set of messages, so it is not a step; it carries the TM's clock all the same.
            broadcast(decisionMessage(tracer.clock()), now);
            nextResend = now + 5;
        }
    }

    private void decide(String decision, long now, boolean buggy) {
        assert disk.tmState().equals("init") : "the TM decides once";
        disk = new Disk(decision, disk.tmPrepared());
        Event e = tracer.event(decision.equals("committed") ? "TMCommit" : "TMAbort").state("tmState", decision);
        broadcast(decisionMessage(e.clock()), now);
        e.emit();
        if (buggy) {
            bugSites.record(Bug.COMMIT_BEFORE_ALL_PREPARED, ID, e.clock());
        }
        nextResend = now + 5;
    }

    private Message decisionMessage(long clock) {
        return disk.tmState().equals("committed") ? new Message.Commit(clock) : new Message.Abort(clock);
    }

    private void broadcast(Message m, long now) {
        for (String rm : rms) {
            net.send(rm, m, now);
        }
    }
}
