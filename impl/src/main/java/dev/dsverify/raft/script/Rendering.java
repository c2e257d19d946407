package dev.dsverify.raft.script;

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
import dev.dsverify.raft.trace.StateChange;
import dev.dsverify.raft.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The text forms of transcripts. A trace event renders every field of its contract line (trace-contract
 * field names, in the line's order) so a transcript can be read against specs/raft/TRACE-CONTRACT.md:
 *
 * <pre>
 * n2@5 HandleAppendEntriesRequest state {log=(len=1 from=1 [1:""])}
 *   msg   AppendEntriesRequest n1->n2 term=1 clock=3 prevLogIndex=0 prevLogTerm=0 entries=[1:""] commitIndex=0
 *   reply AppendEntriesResponse n2->n1 term=1 clock=5 success=true matchIndex=1
 * </pre>
 *
 * An entry is {@code term:"value"} (the contract's {@code {term, value}}); the leader's no-op is {@code ""}.
 * The read-index {@code round} of the AppendEntries records is outside the contract and not shown.
 */
public final class Rendering {
    private Rendering() {}

    /** An event as one head line ({@code node@clock Event state {...}}) plus its msg and reply lines. */
    public static List<String> event(TraceEvent e) {
        List<String> out = new ArrayList<>();
        String state = state(e.state() == null ? StateChange.NONE : e.state());
        out.add(e.node() + "@" + e.clock() + " " + e.event() + (state.isEmpty() ? "" : " state " + state));
        if (e.msg() != null) {
            out.add("  msg   " + message(e.msg()));
        }
        if (e.reply() != null) {
            out.add("  reply " + message(e.reply()));
        }
        return out;
    }

    /** The changed spec variables in the contract's order, or "" when the step changed none. */
    public static String state(StateChange s) {
        StringJoiner j = new StringJoiner(" ", "{", "}");
        j.setEmptyValue("");
        if (s.currentTerm() != null) {
            j.add("currentTerm=" + s.currentTerm());
        }
        if (s.votedForSet()) {
            j.add("votedFor=" + s.votedFor());
        }
        if (s.log() != null) {
            j.add("log=(len=" + s.log().len() + " from=" + s.log().from() + " " + entries(s.log().entries()) + ")");
        }
        if (s.role() != null) {
            j.add("role=" + s.role());
        }
        if (s.commitIndex() != null) {
            j.add("commitIndex=" + s.commitIndex());
        }
        if (s.votesGranted() != null) {
            j.add("votesGranted=[" + String.join(" ", s.votesGranted()) + "]");
        }
        if (s.nextIndex() != null) {
            j.add("nextIndex=" + indexes(s.nextIndex()));
        }
        if (s.matchIndex() != null) {
            j.add("matchIndex=" + indexes(s.matchIndex()));
        }
        if (s.snapshotIndex() != null) {
            j.add("snapshotIndex=" + s.snapshotIndex());
            j.add("snapshotTerm=" + s.snapshotTerm());
        }
        if (s.preCandidate() != null) {
            j.add("preCandidate=" + s.preCandidate());
        }
        if (s.preVotesGranted() != null) {
            j.add("preVotesGranted=[" + String.join(" ", s.preVotesGranted()) + "]");
        }
        return j.toString();
    }

    /** A message with its contract fields in the contract's order; messages outside the contract say so. */
    public static String message(Message m) {
        StringBuilder sb = new StringBuilder(m.type()).append(' ').append(m.from()).append("->").append(m.to())
                .append(" term=").append(m.term()).append(" clock=").append(m.clock());
        if (m instanceof RequestVoteRequest r) {
            sb.append(" lastLogTerm=").append(r.lastLogTerm()).append(" lastLogIndex=").append(r.lastLogIndex());
        } else if (m instanceof RequestVoteResponse r) {
            sb.append(" voteGranted=").append(r.voteGranted());
        } else if (m instanceof AppendEntriesRequest r) {
            sb.append(" prevLogIndex=").append(r.prevLogIndex()).append(" prevLogTerm=").append(r.prevLogTerm())
                    .append(" entries=").append(entries(r.entries())).append(" commitIndex=").append(r.commitIndex());
        } else if (m instanceof AppendEntriesResponse r) {
            sb.append(" success=").append(r.success()).append(" matchIndex=").append(r.matchIndex());
            if (!r.success()) {
                sb.append(" conflictIndex=").append(r.conflictIndex()).append(" conflictTerm=").append(r.conflictTerm());
            }
        } else if (m instanceof PreVoteRequest r) {
            sb.append(" lastLogTerm=").append(r.lastLogTerm()).append(" lastLogIndex=").append(r.lastLogIndex());
        } else if (m instanceof PreVoteResponse r) {
            sb.append(" voteGranted=").append(r.voteGranted());
        } else if (m instanceof InstallSnapshotRequest r) {
            sb.append(" snapshotIndex=").append(r.snapshot().index()).append(" snapshotTerm=")
                    .append(r.snapshot().term());
        } else if (m instanceof InstallSnapshotResponse r) {
            sb.append(" success=").append(r.success()).append(" matchIndex=").append(r.matchIndex());
        }
        if (!m.inContract()) {
            sb.append(" (outside the contract)");
        }
        return sb.toString();
    }

    public static String entries(List<Entry> entries) {
        StringJoiner j = new StringJoiner(" ", "[", "]");
        for (Entry e : entries) {
            j.add(entry(e));
        }
        return j.toString();
    }

    public static String entry(Entry e) {
        return e.term() + ":" + quote(e.value());
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String indexes(Map<String, Long> m) {
        StringJoiner j = new StringJoiner(" ", "{", "}");
        m.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
