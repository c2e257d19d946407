package dev.dsverify.raft.core;

import java.util.List;

/**
 * Log replication: a leader's own entries (ClientRequest), AppendEntries from leader to follower and back.
 * As the contract prescribes, a request carries every entry from the peer's nextIndex to the end of the log,
 * nextIndex changes only when an answer arrives, and a rejection steps it back by one.
 */
final class Replication {
    private final Raft r;

    Replication(Raft r) {
        this.r = r;
    }

    /** ClientRequest: the leader appends a command (an empty one is its no-op) in its own term. */
    long appendOwn(byte[] command) {
        r.trace.step();
        Entry e = new Entry(r.currentTerm, command.clone());
        long index = r.log.append(e);
        r.trace.clientRequest(index, e);
        return index;
    }

    void broadcastAppend() {
        for (String peer : r.tracker.ids()) {
            sendAppend(peer);
        }
    }

    /** After a proposal: peers waiting for an answer get the new entries with their next request. */
    void sendToIdlePeers() {
        for (String peer : r.tracker.ids()) {
            if (!r.tracker.get(peer).inflight) {
                sendAppend(peer);
            }
        }
    }

    /** AppendEntries: everything from the peer's nextIndex on, or the snapshot if that was compacted away. */
    void sendAppend(String peer) {
        r.trace.step();
        Progress p = r.tracker.get(peer);
        if (p.next <= r.log.snapshotIndex()) {
            r.snapshots.send(peer);
            return;
        }
        send(peer, p, p.next <= r.log.lastIndex() ? r.log.from(p.next) : List.of());
    }

    /**
     * AppendEntries driven from outside: the leader sends {@code peer} the {@code n} entries from its nextIndex
     * on. Refused when this server does not lead, {@code peer} is none, the entries are not all in the log, or
     * the first of them was compacted into a snapshot (a snapshot is not an AppendEntries).
     */
    boolean sendAppend(String peer, int n) {
        if (r.role != Role.Leader || !r.tracker.isPeer(peer) || n < 0) {
            return false;
        }
        Progress p = r.tracker.get(peer);
        if (p.next <= r.log.snapshotIndex() || p.next - 1 + n > r.log.lastIndex()) {
            return false;
        }
        r.trace.step();
        send(peer, p, n == 0 ? List.of() : r.log.between(p.next, p.next - 1 + n));
        return true;
    }

    private void send(String peer, Progress p, List<Entry> entries) {
        long prev = p.next - 1;
        AppendEntriesRequest req = new AppendEntriesRequest(r.id, peer, r.currentTerm, r.trace.clock(), prev,
                r.log.term(prev), entries, Math.min(r.commitIndex, prev + entries.size()), r.reads.round());
        r.trace.appendEntries(req);
        r.out.send(req);
        p.inflight = true;
    }

    /** HandleAppendEntriesRequest, at any role (a request of this server's term makes a candidate a follower). */
    void handleAppendEntries(AppendEntriesRequest m) {
        if (r.isStale(m)) {
            reject(m);
            return;
        }
        Check.that(m.term() == r.currentTerm, "a request of term %d handled in term %d", m.term(), r.currentTerm);
        r.leaderId = m.from();
        r.election.abandonPreVote();
        r.election.resetTimer();
        long prev = m.prevLogIndex();
        long prevTerm = m.prevLogTerm();
        List<Entry> incoming = m.entries();
        long snap = r.log.snapshotIndex();
        if (prev < snap) {
            // Entries up to the snapshot are committed, hence the same as the leader's: skip them (the spec's
            // AfterSnapshot). A request the snapshot covers entirely is accepted like any other (a candidate
            // steps down, the answer is traced) with nothing left to check or merge.
            long covered = snap - prev;
            if (incoming.size() <= covered) {
                prevTerm = r.log.term(snap);
                incoming = List.of();
            } else {
                prevTerm = incoming.get(Math.toIntExact(covered) - 1).term();
                incoming = incoming.subList(Math.toIntExact(covered), incoming.size());
            }
            prev = snap;
        }
        if (!r.variations.prevLogOk(r.log, prev, prevTerm)) {
            // As in the contract, a rejection changes nothing; a candidate steps down on the next request it accepts.
            reject(m);
            return;
        }
        Role stepDown = null;
        if (r.role == Role.Candidate) {
            r.becomeFollower();
            stepDown = r.role;
        }
        long changedFrom = r.log.merge(prev, incoming);
        // the request's last entry, also when the snapshot covered some (cannot overflow: isMalformed refused such)
        long lastNew = Math.addExact(m.prevLogIndex(), m.entries().size());
        if (changedFrom > 0 && r.variations.strict()) {
            Check.that(r.log.term(changedFrom - 1) <= r.log.term(changedFrom),
                    "log terms never decrease: term %d before term %d", r.log.term(changedFrom - 1),
                    r.log.term(changedFrom));
        }
        boolean commitMoved = r.commit.onAppendEntries(m.commitIndex(), lastNew);
        AppendEntriesResponse resp = new AppendEntriesResponse(r.id, m.from(), r.currentTerm, r.trace.clock(), true,
                lastNew, m.round());
        r.trace.acceptAppendEntries(m, resp, stepDown, changedFrom, commitMoved);
        r.out.send(resp);
    }

    private void reject(AppendEntriesRequest m) {
        // A request of an earlier term confirms no read of the current leader: its round may come from an earlier
        // incarnation of that server, whose rounds started again from 0, so it is not echoed.
        AppendEntriesResponse resp = new AppendEntriesResponse(r.id, m.from(), r.currentTerm, r.trace.clock(), false,
                0, r.isStale(m) ? 0 : m.round());
        r.trace.rejectAppendEntries(m, resp);
        r.out.send(resp);
    }

    /** HandleAppendEntriesResponse at the leader of the response's term. */
    void handleAppendResponse(AppendEntriesResponse m) {
        Check.that(m.term() == r.currentTerm && r.role == Role.Leader, "a response of term %d acted on in term %d",
                m.term(), r.currentTerm);
        Progress p = r.tracker.get(m.from());
        p.acknowledged(m.round(), m.success(), m.matchIndex());
        if (!m.success()) {
            p.rejected();
        }
        r.trace.handleAppendEntriesResponse(m);
        if (r.stepByStep) {
            return; // AdvanceCommitIndex and the next AppendEntries are steps of their own
        }
        r.commit.maybeAdvance();
        r.reads.confirm();
        if (!m.success() || p.next <= r.log.lastIndex()) {
            sendAppend(m.from());
        }
    }
}
