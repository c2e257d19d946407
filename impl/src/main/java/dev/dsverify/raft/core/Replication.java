package dev.dsverify.raft.core;

import java.util.List;

/**
 * Log replication: a leader's own entries (ClientRequest), AppendEntries from leader to follower and back.
 * A request carries the entries from the peer's nextIndex on, at most {@link RaftConfig#maxAppendEntries()} of them
 * and {@link RaftConfig#maxAppendBytes()} command bytes; the rest follows when it is answered. As the contract
 * prescribes, nextIndex changes only when an answer arrives (one request in flight per peer: the spec's nextIndex
 * does not move on a send, so optimistic pipelining would not be a spec behaviour), and a rejection moves it back
 * to the follower's hint, at least one step.
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

    /** AppendEntries: a bounded batch from the peer's nextIndex on, or the snapshot if that was compacted away. */
    void sendAppend(String peer) {
        r.trace.step();
        Progress p = r.tracker.get(peer);
        if (p.next <= r.log.snapshotIndex()) {
            r.snapshots.send(peer);
            return;
        }
        send(peer, p, batch(p.next));
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
        AppendEntriesRequest req = AppendEntriesRequest.builder().from(r.id).to(peer).term(r.currentTerm)
                .clock(r.trace.clock()).prevLog(prev, r.log.term(prev)).entries(entries)
                .commitIndex(Math.min(r.commitIndex, prev + entries.size())).round(r.reads.round()).build();
        r.trace.appendEntries(req);
        r.out.send(req);
        p.inflight = true;
    }

    /**
     * The entries one request carries from {@code from} on: as many as fit both bounds of the configuration, and
     * always the first one, however large, so that an oversized entry cannot stall replication.
     */
    List<Entry> batch(long from) {
        long last = r.log.lastIndex();
        if (from > last) {
            return List.of();
        }
        long to = Math.min(last, from + r.cfg.maxAppendEntries() - 1);
        List<Entry> all = r.log.between(from, to);
        long bytes = 0;
        for (int k = 0; k < all.size(); k++) {
            bytes += all.get(k).data().length;
            if (bytes > r.cfg.maxAppendBytes() && k > 0) {
                return all.subList(0, k);
            }
        }
        return all;
    }

    /** HandleAppendEntriesRequest, at any role (a request of this server's term makes a candidate a follower). */
    void handleAppendEntries(AppendEntriesRequest m) {
        if (r.isStale(m)) {
            reject(m, m.prevLogIndex(), m.prevLogTerm());
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
            reject(m, prev, prevTerm);
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
        AppendEntriesResponse resp = AppendEntriesResponse.builder().from(r.id).to(m.from()).term(r.currentTerm)
                .clock(r.trace.clock()).success(true).matchIndex(lastNew).round(m.round()).build();
        r.trace.acceptAppendEntries(m, resp, stepDown, changedFrom, commitMoved);
        r.out.send(resp);
    }

    /** A refusal of {@code m}, whose entries follow {@code prev} of term {@code prevTerm}, with the spec's hint. */
    private void reject(AppendEntriesRequest m, long prev, long prevTerm) {
        long[] hint = conflictHint(prev, prevTerm);
        // A request of an earlier term confirms no read of the current leader: its round may come from an earlier
        // incarnation of that server, whose rounds started again from 0, so it is not echoed.
        AppendEntriesResponse resp = AppendEntriesResponse.builder().from(r.id).to(m.from()).term(r.currentTerm)
                .clock(r.trace.clock()).success(false).matchIndex(0).round(r.isStale(m) ? 0 : m.round())
                .conflictIndex(hint[0]).conflictTerm(hint[1]).build();
        r.trace.rejectAppendEntries(m, resp);
        r.out.send(resp);
    }

    /**
     * The spec's ConflictHint, {conflictIndex, conflictTerm}: when this server's entry at {@code prev} has another
     * term than the request's, that term and the first index holding it (every entry of that term is suspect);
     * when it has no entry there, the index past its log; otherwise (a stale request whose check would pass)
     * {@code prev + 1} and no term. Entries in a snapshot are committed, hence never in conflict.
     */
    long[] conflictHint(long prev, long prevTerm) {
        long last = r.log.lastIndex();
        long snap = r.log.snapshotIndex();
        if (prev > last) {
            return new long[] {last + 1, 0};
        }
        if (prev > snap && r.log.term(prev) != prevTerm) {
            long t = r.log.term(prev);
            long first = prev;
            while (first - 1 > snap && r.log.term(first - 1) == t) {
                first--;
            }
            return new long[] {first, t};
        }
        return new long[] {prev + 1, 0};
    }

    /**
     * The spec's BacktrackHint: just past the leader's last entry of the follower's conflicting term when the
     * leader has one (the logs agree up to there), else the follower's conflictIndex. Log terms never decrease,
     * so the search walks back from the end only over entries of later terms.
     */
    long backtrackHint(AppendEntriesResponse m) {
        long t = m.conflictTerm();
        if (t > 0) {
            long snap = r.log.snapshotIndex();
            for (long k = r.log.lastIndex(); k >= snap && k > 0; k--) {
                long kt = r.log.term(k);
                if (kt == t) {
                    return k + 1;
                }
                if (kt < t) {
                    break;
                }
            }
        }
        // a response without a hint (a peer from before hints) moves one step back
        return m.conflictIndex() == 0 ? r.tracker.get(m.from()).next - 1 : m.conflictIndex();
    }

    /** HandleAppendEntriesResponse at the leader of the response's term. */
    void handleAppendResponse(AppendEntriesResponse m) {
        Check.that(m.term() == r.currentTerm && r.role == Role.Leader, "a response of term %d acted on in term %d",
                m.term(), r.currentTerm);
        Progress p = r.tracker.get(m.from());
        p.acknowledged(m.round(), m.success(), m.matchIndex());
        if (!m.success()) {
            p.rejected(backtrackHint(m));
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
