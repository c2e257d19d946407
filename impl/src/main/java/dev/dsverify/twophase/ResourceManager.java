package dev.dsverify.twophase;

import dev.dsverify.tracing.Event;
import dev.dsverify.tracing.Tracer;
import java.util.Random;
import java.util.Set;

/**
 * A resource manager: after some work it votes "Prepared" (repeating the vote until the decision arrives) or
 * chooses to abort; then it follows the TM's decision.
 */
final class ResourceManager {
    private final String id;
    private final Tracer tracer;
    private final Set<Bug> bugs;
    private final Network net;
    private final Random rng;
    private final BugSites bugSites;
    private final long decideAt;
    private final double abortRate;
    private String state = "working";
    private long nextVote;

    ResourceManager(String id, Tracer tracer, Set<Bug> bugs, Network net, Random rng, BugSites bugSites,
                    long decideAt, double abortRate) {
        this.id = id;
        this.tracer = tracer;
        this.bugs = bugs;
        this.net = net;
        this.rng = rng;
        this.bugSites = bugSites;
        this.decideAt = decideAt;
        this.abortRate = abortRate;
    }

    String id() {
        return id;
    }

    String state() {
        return state;
    }

    void tick(long now) {
        if (state.equals("working") && now >= decideAt) {
            if (rng.nextDouble() < abortRate) {
                state = "aborted";
                tracer.event("RMChooseToAbort").state("rmState", state).emit();
            } else {
                state = "prepared";
                Event e = tracer.event("RMPrepare").state("rmState", state);
                net.send(TransactionManager.ID, new Message.Prepared(id, e.clock()), now);
                e.emit();
                nextVote = now + 4;
            }
            return;
        }
        if (state.equals("prepared")) {
            if (bugs.contains(Bug.ABORT_AFTER_PREPARED) && rng.nextDouble() < 0.2) {
                // The bug: a prepared RM gives up on its own, though its vote promised to commit if told to.
                state = "aborted";
                Event e = tracer.event("RMChooseToAbort").state("rmState", state);
                e.emit();
                bugSites.record(Bug.ABORT_AFTER_PREPARED, id, e.clock());
                return;
            }
            if (now >= nextVote) {
                // The vote may have been lost: repeat it (the same message; not a step of the spec).
                net.send(TransactionManager.ID, new Message.Prepared(id, tracer.clock()), now);
                nextVote = now + 4;
            }
        }
    }

    void onDecision(Message m) {
        tracer.receive(m.clock());
        String target = m instanceof Message.Commit ? "committed" : "aborted";
        if (state.equals(target)) {
            return; // a repeated decision changes nothing
        }
        state = target;
        tracer.event(m instanceof Message.Commit ? "RMRcvCommitMsg" : "RMRcvAbortMsg")
                .msg(m.spec()).state("rmState", state).emit();
    }
}
