package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.InstallSnapshotRequest;
import dev.dsverify.raft.core.InstallSnapshotResponse;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.PreVoteRequest;
import dev.dsverify.raft.core.PreVoteResponse;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.core.RequestVoteResponse;
import dev.dsverify.raft.core.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The forged copies of a real message, one for each way a message arriving from the wire can be malformed: sent
 * to another server, a term or clock that is negative or could never be stepped past (Long.MAX_VALUE), an answer
 * from a server that is no peer of the receiver (a stranger, or the receiver itself), and for each type its
 * negative indexes, terms and rounds, a log running past Long.MAX_VALUE, a snapshot missing or out of range.
 *
 * <p>Each copy is otherwise built to make a difference if it were accepted: it carries a term one past the
 * receiver's (so taking it on would move the receiver's term), grants what it answers, and any message a server
 * takes in moves its Lamport clock. So a receiver that lets one through shows it in its state, its messages or
 * its trace.
 */
public final class Forgeries {
    /** A server of no configuration. */
    static final String STRANGER = "forger";

    private Forgeries() {}

    /**
     * The forged copies of {@code real} for {@code receiver}, whose current term is {@code receiverTerm}, in a
     * cluster of {@code servers}.
     */
    public static List<Forgery> of(Message real, String receiver, long receiverTerm, List<String> servers) {
        long term = receiverTerm + 1;
        Message m = copy(real, real.from(), receiver, term, real.clock());
        List<Forgery> out = new ArrayList<>();
        String elsewhere = servers.stream().filter(s -> !s.equals(receiver) && !s.equals(real.from())).findFirst()
                .orElse(STRANGER);
        out.add(new Forgery("addressed to " + elsewhere, copy(m, m.from(), elsewhere, term, m.clock())));
        out.add(new Forgery("addressed to no server", copy(m, m.from(), STRANGER, term, m.clock())));
        out.add(new Forgery("negative term", copy(m, m.from(), receiver, -1, m.clock())));
        out.add(new Forgery("term Long.MAX_VALUE", copy(m, m.from(), receiver, Long.MAX_VALUE, m.clock())));
        out.add(new Forgery("negative clock", copy(m, m.from(), receiver, term, -1)));
        out.add(new Forgery("clock Long.MAX_VALUE", copy(m, m.from(), receiver, term, Long.MAX_VALUE)));
        boolean answer = m instanceof RequestVoteResponse || m instanceof PreVoteResponse
                || m instanceof AppendEntriesResponse || m instanceof InstallSnapshotResponse;
        if (answer) {
            out.add(new Forgery("an answer from no server", copy(m, STRANGER, receiver, term, m.clock())));
            out.add(new Forgery("an answer from the receiver itself", copy(m, receiver, receiver, term, m.clock())));
        }
        if (m instanceof RequestVoteRequest q) {
            out.add(new Forgery("negative lastLogTerm", new RequestVoteRequest(q.from(), q.to(), q.term(),
                    q.clock(), -1, q.lastLogIndex())));
            out.add(new Forgery("negative lastLogIndex", new RequestVoteRequest(q.from(), q.to(), q.term(),
                    q.clock(), q.lastLogTerm(), -1)));
        } else if (m instanceof PreVoteRequest q) {
            out.add(new Forgery("negative lastLogTerm", new PreVoteRequest(q.from(), q.to(), q.term(), q.clock(),
                    -1, q.lastLogIndex())));
            out.add(new Forgery("negative lastLogIndex", new PreVoteRequest(q.from(), q.to(), q.term(),
                    q.clock(), q.lastLogTerm(), -1)));
        } else if (m instanceof AppendEntriesRequest q) {
            int n = q.entries().size();
            out.add(new Forgery("negative prevLogIndex", append(q).prevLogIndex(-1).build()));
            out.add(new Forgery("negative prevLogTerm", append(q).prevLogTerm(-1).build()));
            out.add(new Forgery("negative commitIndex", append(q).commitIndex(-1).build()));
            out.add(new Forgery("negative round", append(q).round(-1).build()));
            // the last entry would sit at Long.MAX_VALUE, an index no next entry can follow
            out.add(new Forgery("log ending at Long.MAX_VALUE",
                    append(q).prevLogIndex(Long.MAX_VALUE - n).build()));
            if (n > 0) {
                out.add(new Forgery("log running past Long.MAX_VALUE",
                        append(q).prevLogIndex(Long.MAX_VALUE - n + 1).build()));
            }
        } else if (m instanceof AppendEntriesResponse q) {
            out.add(new Forgery("negative matchIndex", response(q).matchIndex(-1).build()));
            out.add(new Forgery("matchIndex Long.MAX_VALUE", response(q).matchIndex(Long.MAX_VALUE).build()));
            out.add(new Forgery("negative round", response(q).round(-1).build()));
            out.add(new Forgery("negative conflictIndex", response(q).conflictIndex(-1).build()));
            out.add(new Forgery("negative conflictTerm", response(q).conflictTerm(-1).build()));
        } else if (m instanceof InstallSnapshotRequest q) {
            Snapshot s = q.snapshot();
            out.add(new Forgery("no snapshot", new InstallSnapshotRequest(q.from(), q.to(), q.term(), q.clock(),
                    null, q.round())));
            out.add(new Forgery("negative snapshot index", snapshot(q, new Snapshot(-1, s.term(), s.data()))));
            out.add(new Forgery("snapshot index Long.MAX_VALUE",
                    snapshot(q, new Snapshot(Long.MAX_VALUE, s.term(), s.data()))));
            out.add(new Forgery("negative snapshot term", snapshot(q, new Snapshot(s.index(), -1, s.data()))));
            out.add(new Forgery("negative round", new InstallSnapshotRequest(q.from(), q.to(), q.term(),
                    q.clock(), s, -1)));
        } else if (m instanceof InstallSnapshotResponse q) {
            out.add(new Forgery("negative matchIndex", new InstallSnapshotResponse(q.from(), q.to(), q.term(),
                    q.clock(), true, -1, q.round())));
            out.add(new Forgery("matchIndex Long.MAX_VALUE", new InstallSnapshotResponse(q.from(), q.to(),
                    q.term(), q.clock(), true, Long.MAX_VALUE, q.round())));
            out.add(new Forgery("negative round", new InstallSnapshotResponse(q.from(), q.to(), q.term(),
                    q.clock(), true, q.matchIndex(), -1)));
        }
        return out;
    }

    /** {@code m} with new sender, addressee, term and clock; answers grant what they answer. */
    static Message copy(Message m, String from, String to, long term, long clock) {
        if (m instanceof RequestVoteRequest q) {
            return new RequestVoteRequest(from, to, term, clock, q.lastLogTerm(), q.lastLogIndex());
        } else if (m instanceof RequestVoteResponse) {
            return new RequestVoteResponse(from, to, term, clock, true);
        } else if (m instanceof PreVoteRequest q) {
            return new PreVoteRequest(from, to, term, clock, q.lastLogTerm(), q.lastLogIndex());
        } else if (m instanceof PreVoteResponse) {
            return new PreVoteResponse(from, to, term, clock, true);
        } else if (m instanceof AppendEntriesRequest q) {
            return new AppendEntriesRequest(from, to, term, clock, q.prevLogIndex(), q.prevLogTerm(), q.entries(),
                    q.commitIndex(), q.round());
        } else if (m instanceof AppendEntriesResponse q) {
            return new AppendEntriesResponse(from, to, term, clock, true, q.matchIndex(), q.round(),
                    q.conflictIndex(), q.conflictTerm());
        } else if (m instanceof InstallSnapshotRequest q) {
            return new InstallSnapshotRequest(from, to, term, clock, q.snapshot(), q.round());
        } else if (m instanceof InstallSnapshotResponse q) {
            return new InstallSnapshotResponse(from, to, term, clock, true, q.matchIndex(), q.round());
        }
        throw new IllegalArgumentException("no forgery for a " + m.type());
    }

    private static AppendEntriesRequest.Builder append(AppendEntriesRequest q) {
        return AppendEntriesRequest.builder().from(q.from()).to(q.to()).term(q.term()).clock(q.clock())
                .prevLog(q.prevLogIndex(), q.prevLogTerm()).entries(q.entries()).commitIndex(q.commitIndex())
                .round(q.round());
    }

    private static AppendEntriesResponse.Builder response(AppendEntriesResponse q) {
        return AppendEntriesResponse.builder().from(q.from()).to(q.to()).term(q.term()).clock(q.clock())
                .success(q.success()).matchIndex(q.matchIndex()).round(q.round()).conflictIndex(q.conflictIndex())
                .conflictTerm(q.conflictTerm());
    }

    private static InstallSnapshotRequest snapshot(InstallSnapshotRequest q, Snapshot s) {
        return new InstallSnapshotRequest(q.from(), q.to(), q.term(), q.clock(), s, q.round());
    }
}
