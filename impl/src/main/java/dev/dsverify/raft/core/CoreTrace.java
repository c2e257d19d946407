package dev.dsverify.raft.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The core's one-line trace hooks: each protocol step calls one of these at the moment it changes a spec
 * variable, and this class gathers the post-state the contract asks for from {@link Raft} and passes it to the
 * server's {@link ContractTrace}. With tracing off each hook costs one boolean test.
 */
final class CoreTrace {
    private final Raft r;
    private final ContractTrace out;
    private final boolean on;
    /** The pre-vote flag as the trace last reported it (a restarted server starts outside a pre-vote phase). */
    private boolean reportedPreCandidate;

    CoreTrace(Raft r, ContractTrace out) {
        this.r = r;
        this.out = out;
        this.on = out.enabled();
    }

    ContractTrace out() {
        return out;
    }

    // ---- the Lamport clock (kept whether or not events are recorded: messages carry it)

    long clock() {
        return out.clock();
    }

    void step() {
        out.step();
    }

    void receive(Message m) {
        out.receive(m.clock());
    }

    // ---- one hook per contract event

    /**
     * How many entries at the end of the recovered log a Restart line logs. A crash between an fsync and the
     * write of that step's lines leaves durable entries no line describes (a leader's group-committed client
     * commands, a follower's merge); the Restart line must show their values for replay to explain them, and
     * one step appends at most a batch of entries.
     */
    static final int RESTART_TAIL = 256;

    void restart() {
        if (on) {
            long len = r.log.lastIndex();
            long snap = r.log.snapshotIndex();
            long from = Math.max(snap + 1, len - RESTART_TAIL + 1);
            out.restart(r.currentTerm, r.votedFor, len, List.copyOf(r.log.from(from)), snap, r.log.term(snap),
                    r.tracker.nextIndex(), r.tracker.matchIndex());
        }
    }

    void updateTerm(Message m) {
        if (on) {
            preVoteChange();
            out.updateTerm(m, r.currentTerm);
        }
    }

    void timeout() {
        if (on) {
            preVoteChange();
            out.timeout(r.currentTerm, r.votedFor, new ArrayList<>(r.election.votesGranted()));
        }
    }

    void requestVote(RequestVoteRequest req) {
        if (on) {
            out.requestVote(req);
        }
    }

    void handleRequestVoteRequest(RequestVoteRequest req, RequestVoteResponse resp) {
        if (on) {
            out.handleRequestVoteRequest(req, resp, resp.voteGranted() ? r.votedFor : null);
        }
    }

    void handleRequestVoteResponse(RequestVoteResponse resp, boolean counted) {
        if (on) {
            out.handleRequestVoteResponse(resp, counted ? new ArrayList<>(r.election.votesGranted()) : null);
        }
    }

    void becomeLeader() {
        if (on) {
            preVoteChange();
            out.becomeLeader(r.tracker.nextIndex(), r.tracker.matchIndex());
        }
    }

    void clientRequest(long index, Entry e) {
        if (on) {
            out.clientRequest(index, e);
        }
    }

    void appendEntries(AppendEntriesRequest req) {
        if (on) {
            out.appendEntries(req);
        }
    }

    void rejectAppendEntries(AppendEntriesRequest req, AppendEntriesResponse resp) {
        if (on) {
            preVoteChange();
            out.handleAppendEntriesRequest(req, resp, null, 0, 0, List.of(), null);
        }
    }

    /** An accepted request: {@code role} if a candidate stepped down, the log from {@code logFrom} (0: unchanged). */
    void acceptAppendEntries(AppendEntriesRequest req, AppendEntriesResponse resp, Role role, long logFrom,
            boolean commitMoved) {
        if (on) {
            preVoteChange();
            out.handleAppendEntriesRequest(req, resp, role, r.log.lastIndex(), logFrom,
                    logFrom > 0 ? r.log.from(logFrom) : List.of(), commitMoved ? r.commitIndex : null);
        }
    }

    void ignoreAppendEntriesResponse(AppendEntriesResponse resp) {
        if (on) {
            out.handleAppendEntriesResponse(resp, null, null);
        }
    }

    void handleAppendEntriesResponse(AppendEntriesResponse resp) {
        if (on) {
            out.handleAppendEntriesResponse(resp, r.tracker.nextIndex(), r.tracker.matchIndex());
        }
    }

    /** A check for a quorum; {@code steppedDown} when the leader found none and is now a follower. */
    void checkQuorum(boolean steppedDown) {
        if (on) {
            out.checkQuorum(steppedDown);
        }
    }

    void advanceCommitIndex() {
        if (on) {
            out.advanceCommitIndex(r.commitIndex);
        }
    }

    // ---- log compaction and InstallSnapshot

    void compactLog() {
        if (on) {
            out.compactLog(r.log.snapshotIndex(), r.log.term(r.log.snapshotIndex()));
        }
    }

    void installSnapshot(InstallSnapshotRequest req) {
        if (on) {
            out.installSnapshot(req);
        }
    }

    /** A handled snapshot: {@code role} if a candidate stepped down; whether it was installed. */
    void handleInstallSnapshotRequest(InstallSnapshotRequest req, InstallSnapshotResponse resp, Role role,
            boolean installed) {
        if (on) {
            preVoteChange(); // a snapshot of the current leader ends a pre-vote phase, as an append request does
            out.handleInstallSnapshotRequest(req, resp, role, installed, r.log.lastIndex(),
                    installed ? List.copyOf(r.log.entries()) : List.of());
        }
    }

    void ignoreInstallSnapshotResponse(InstallSnapshotResponse resp) {
        if (on) {
            out.handleInstallSnapshotResponse(resp, null, null);
        }
    }

    void handleInstallSnapshotResponse(InstallSnapshotResponse resp) {
        if (on) {
            out.handleInstallSnapshotResponse(resp, r.tracker.nextIndex(), r.tracker.matchIndex());
        }
    }

    // ---- pre-vote

    void preVote() {
        reportedPreCandidate = true;
        if (on) {
            out.preVote(new ArrayList<>(r.election.preVotes()));
        }
    }

    void requestPreVote(PreVoteRequest req) {
        if (on) {
            out.requestPreVote(req);
        }
    }

    void handlePreVoteRequest(PreVoteRequest req, PreVoteResponse resp) {
        if (on) {
            out.handlePreVoteRequest(req, resp);
        }
    }

    void handlePreVoteResponse(PreVoteResponse resp, boolean counted) {
        if (on) {
            out.handlePreVoteResponse(resp, counted ? new ArrayList<>(r.election.preVotes()) : null);
        }
    }

    /** The steps that end a pre-vote phase log it, on the line of the step that ended it. */
    private void preVoteChange() {
        if (reportedPreCandidate && !r.election.preCandidate()) {
            reportedPreCandidate = false;
            out.preVoteEnded();
        }
    }
}
