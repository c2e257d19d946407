package dev.dsverify.raft.net;

import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.Entry;
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
 * Binary layout of the Raft messages (payload of a {@link FrameKind#RAFT} frame). Every message starts with
 * the common header, so the sender's Lamport clock always travels and the receiver's trace can be merged with
 * the sender's:
 *
 * <pre>
 * message := tag:u8  from:str  to:str  term:i64  clock:i64  body
 * tag 1 RequestVoteRequest    lastLogTerm:i64  lastLogIndex:i64
 * tag 2 RequestVoteResponse   voteGranted:bool
 * tag 3 AppendEntriesRequest  prevLogIndex:i64  prevLogTerm:i64  n:i32  (term:i64 data:bytes)*n
 *                             commitIndex:i64  round:i64
 * tag 4 AppendEntriesResponse success:bool  matchIndex:i64  round:i64  conflictIndex:i64  conflictTerm:i64
 * tag 5 PreVoteRequest        lastLogTerm:i64  lastLogIndex:i64
 * tag 6 PreVoteResponse       voteGranted:bool
 * tag 7 InstallSnapshotRequest  index:i64  lastTerm:i64  data:bytes  round:i64
 * tag 8 InstallSnapshotResponse success:bool  matchIndex:i64  round:i64
 * str   := len:i32 utf8[len]    bytes := len:i32 byte[len]    bool := u8 0|1
 * </pre>
 */
public final class MessageCodec {
    /** Longest server id accepted on the wire. */
    public static final int MAX_ID_BYTES = 255;

    private MessageCodec() {}

    public static byte[] encode(Message m) {
        WireWriter w = new WireWriter();
        if (m instanceof RequestVoteRequest r) {
            header(w, 1, m).i64(r.lastLogTerm()).i64(r.lastLogIndex());
        } else if (m instanceof RequestVoteResponse r) {
            header(w, 2, m).bool(r.voteGranted());
        } else if (m instanceof AppendEntriesRequest r) {
            header(w, 3, m).i64(r.prevLogIndex()).i64(r.prevLogTerm()).i32(r.entries().size());
            for (Entry e : r.entries()) {
                w.i64(e.term()).bytes(e.data());
            }
            w.i64(r.commitIndex()).i64(r.round());
        } else if (m instanceof AppendEntriesResponse r) {
            header(w, 4, m).bool(r.success()).i64(r.matchIndex()).i64(r.round()).i64(r.conflictIndex())
                    .i64(r.conflictTerm());
        } else if (m instanceof PreVoteRequest r) {
            header(w, 5, m).i64(r.lastLogTerm()).i64(r.lastLogIndex());
        } else if (m instanceof PreVoteResponse r) {
            header(w, 6, m).bool(r.voteGranted());
        } else if (m instanceof InstallSnapshotRequest r) {
            header(w, 7, m).i64(r.snapshot().index()).i64(r.snapshot().term()).bytes(r.snapshot().data())
                    .i64(r.round());
        } else if (m instanceof InstallSnapshotResponse r) {
            header(w, 8, m).bool(r.success()).i64(r.matchIndex()).i64(r.round());
        } else {
            throw new IllegalArgumentException("no wire layout for " + m.getClass().getName());
        }
        return w.toBytes();
    }

    private static WireWriter header(WireWriter w, int tag, Message m) {
        return w.u8(tag).str(m.from()).str(m.to()).i64(m.term()).i64(m.clock());
    }

    /**
     * Decodes and range-checks a message: terms, indexes, rounds and clocks lie in {@code [0, 2^62]} (so no
     * arithmetic on them can overflow, {@link WireReader#MAX_COUNTER}); terms a sender reports for its log or
     * entries are at most the message's own term (a sender's log never holds a term above its current one);
     * node ids are at most {@link #MAX_ID_BYTES} bytes. Anything else is refused with the field named, so
     * the core never sees it.
     */
    public static Message decode(byte[] payload) throws BadFrameException {
        WireReader r = new WireReader(payload);
        int tag = r.u8("tag");
        String from = id(r, "from");
        String to = id(r, "to");
        long term = r.counter("term");
        long clock = r.counter("clock");
        Message m = switch (tag) {
            case 1 -> new RequestVoteRequest(from, to, term, clock, r.counterAtMost("lastLogTerm", term, "term"),
                    r.counter("lastLogIndex"));
            case 2 -> new RequestVoteResponse(from, to, term, clock, r.bool("voteGranted"));
            case 3 -> {
                long prevIndex = r.counter("prevLogIndex");
                long prevTerm = r.counterAtMost("prevLogTerm", term, "term");
                int n = r.i32("entries");
                // Each entry takes at least 12 bytes: refuse counts the payload cannot hold before allocating.
                if (n < 0 || (long) n * 12 > r.remaining()) {
                    throw new BadFrameException("field entries: count " + n + " does not fit in "
                            + r.remaining() + " bytes");
                }
                if (prevIndex + n > WireReader.MAX_COUNTER) { // no overflow: both operands are at most 2^62
                    throw new BadFrameException("field entries: prevLogIndex " + prevIndex + " + " + n
                            + " entries exceeds 2^62");
                }
                List<Entry> entries = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    entries.add(new Entry(r.counterAtMost("entries[" + i + "].term", term, "term"),
                            r.bytes("entries[" + i + "].data")));
                }
                yield new AppendEntriesRequest(from, to, term, clock, prevIndex, prevTerm, entries,
                        r.counter("commitIndex"), r.counter("round"));
            }
            case 4 -> new AppendEntriesResponse(from, to, term, clock, r.bool("success"), r.counter("matchIndex"),
                    r.counter("round"), r.counter("conflictIndex"), r.counterAtMost("conflictTerm", term, "term"));
            case 5 -> new PreVoteRequest(from, to, term, clock, r.counterAtMost("lastLogTerm", term, "term"),
                    r.counter("lastLogIndex"));
            case 6 -> new PreVoteResponse(from, to, term, clock, r.bool("voteGranted"));
            case 7 -> new InstallSnapshotRequest(from, to, term, clock,
                    new Snapshot(r.counter("snapshot.index"), r.counterAtMost("snapshot.term", term, "term"),
                            r.bytes("snapshot.data")),
                    r.counter("round"));
            case 8 -> new InstallSnapshotResponse(from, to, term, clock, r.bool("success"), r.counter("matchIndex"),
                    r.counter("round"));
            default -> throw new BadFrameException("unknown Raft message tag " + tag);
        };
        r.end("Raft message " + m.type());
        return m;
    }

    /** A server id: present, non-empty and short (ids name servers in flags, files and traces). */
    private static String id(WireReader r, String field) throws BadFrameException {
        String s = r.nonNullStr(field);
        if (s.isEmpty() || s.length() > MAX_ID_BYTES) {
            throw new BadFrameException("field " + field + ": id of " + s.length() + " characters outside [1, "
                    + MAX_ID_BYTES + "]");
        }
        return s;
    }
}
