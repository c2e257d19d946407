package dev.dsverify.raft.sim;

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
import dev.dsverify.raft.core.Role;
import dev.dsverify.raft.trace.StateChange;
import dev.dsverify.raft.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An executable reading of specs/raft/TRACE-CONTRACT.md: replays a trace event by event, checks that each
 * event is enabled in the replayed state and that the post-state it reports is the one the contract's action
 * computes (fields it leaves out must be unchanged). A Java stand-in for trace validation, used to keep the
 * implementation's events honest. Returns null when the whole trace is explained, else the first bad line.
 */
public final class ContractReplay {
    private final List<String> servers;
    private final int quorum;
    private final Map<String, S> st = new HashMap<>();
    private final Map<String, Integer> bag = new HashMap<>();
    /** The prefix each snapshot request in flight stands for (the spec's {@code data}), by message key. */
    private final Map<String, List<Entry>> snapshotData = new HashMap<>();

    private static final class S {
        long term;
        String votedFor;
        /** The whole logical log, as the spec has it; entries 1..snap are the snapshot's. */
        List<Entry> log = new ArrayList<>();
        long snap;
        Role role = Role.Follower;
        long commit;
        Set<String> votes = new LinkedHashSet<>();
        Map<String, Long> next = new LinkedHashMap<>();
        Map<String, Long> match = new LinkedHashMap<>();
        boolean preCandidate;
        Set<String> preVotes = new LinkedHashSet<>();

        long lastTerm() {
            return log.isEmpty() ? 0 : log.get(log.size() - 1).term();
        }

        long termAt(long i) {
            return i == 0 || i > log.size() ? 0 : log.get((int) i - 1).term();
        }
    }

    ContractReplay(List<String> servers) {
        this.servers = servers;
        this.quorum = servers.size() / 2 + 1;
        for (String s : servers) {
            S x = new S();
            resetLeaderMaps(s, x, 1);
            st.put(s, x);
        }
    }

    private void resetLeaderMaps(String self, S x, long next) {
        for (String p : servers) {
            if (!p.equals(self)) {
                x.next.put(p, next);
                x.match.put(p, 0L);
            }
        }
    }

    public static String check(List<String> servers, List<TraceEvent> events) {
        ContractReplay r = new ContractReplay(servers);
        for (int i = 0; i < events.size(); i++) {
            String err = r.apply(events.get(i));
            if (err != null) {
                return "line " + (i + 1) + " " + events.get(i).event() + " at " + events.get(i).node() + ": " + err;
            }
        }
        return null;
    }

    /** Canonical form of a message's contract fields (the implementation-only round is left out). */
    private static String key(Message m) {
        StringBuilder sb = new StringBuilder(m.type()).append('|').append(m.from()).append('|').append(m.to())
                .append('|').append(m.term()).append('|').append(m.clock());
        if (m instanceof RequestVoteRequest r) {
            sb.append('|').append(r.lastLogTerm()).append('|').append(r.lastLogIndex());
        } else if (m instanceof RequestVoteResponse r) {
            sb.append('|').append(r.voteGranted());
        } else if (m instanceof PreVoteRequest r) {
            sb.append('|').append(r.lastLogTerm()).append('|').append(r.lastLogIndex());
        } else if (m instanceof PreVoteResponse r) {
            sb.append('|').append(r.voteGranted());
        } else if (m instanceof AppendEntriesRequest r) {
            sb.append('|').append(r.prevLogIndex()).append('|').append(r.prevLogTerm()).append('|')
                    .append(r.entries()).append('|').append(r.commitIndex());
        } else if (m instanceof AppendEntriesResponse r) {
            sb.append('|').append(r.success()).append('|').append(r.matchIndex()).append('|')
                    .append(r.conflictIndex()).append('|').append(r.conflictTerm());
        } else if (m instanceof InstallSnapshotRequest r) {
            sb.append('|').append(r.snapshot().index()).append('|').append(r.snapshot().term());
        } else if (m instanceof InstallSnapshotResponse r) {
            sb.append('|').append(r.success()).append('|').append(r.matchIndex());
        }
        return sb.toString();
    }

    private boolean inBag(Message m) {
        return bag.containsKey(key(m));
    }

    private void add(Message m) {
        bag.merge(key(m), 1, Integer::sum);
    }

    private void remove(Message m) {
        bag.computeIfPresent(key(m), (k, n) -> n == 1 ? null : n - 1);
    }

    private String apply(TraceEvent e) {
        S x = st.get(e.node());
        if (x == null) {
            return "unknown node";
        }
        String i = e.node();
        // Pre-state copy, for "unchanged" checks.
        long term0 = x.term;
        String vote0 = x.votedFor;
        List<Entry> log0 = new ArrayList<>(x.log);
        Role role0 = x.role;
        long commit0 = x.commit;
        long snap0 = x.snap;
        Set<String> votes0 = new LinkedHashSet<>(x.votes);
        Map<String, Long> next0 = new LinkedHashMap<>(x.next);
        Map<String, Long> match0 = new LinkedHashMap<>(x.match);
        boolean pre0 = x.preCandidate;
        Set<String> preVotes0 = new LinkedHashSet<>(x.preVotes);
        Message m = e.msg();
        Message expectReply = null;
        switch (e.event()) {
            case Timeout -> {
                if (x.role == Role.Leader) return "a leader cannot time out";
                if (x.preCandidate && x.preVotes.size() < quorum) return "a pre-candidate without a pre-vote majority";
                x.preCandidate = false;
                x.term++;
                x.role = Role.Candidate;
                x.votedFor = i;
                x.votes = new LinkedHashSet<>(List.of(i));
            }
            case RequestVote -> {
                if (x.role != Role.Candidate) return "not a candidate";
                RequestVoteRequest r = (RequestVoteRequest) m;
                if (!r.from().equals(i) || r.term() != x.term || r.lastLogIndex() != x.log.size()
                        || r.lastLogTerm() != x.lastTerm()) return "request does not match the candidate's state: " + r;
                add(m);
            }
            case HandleRequestVoteRequest -> {
                if (!inBag(m) || !m.to().equals(i) || m.term() > x.term) return "not enabled: " + m;
                RequestVoteRequest r = (RequestVoteRequest) m;
                boolean logOk = r.lastLogTerm() > x.lastTerm()
                        || (r.lastLogTerm() == x.lastTerm() && r.lastLogIndex() >= x.log.size());
                boolean grant = r.term() == x.term && logOk && (x.votedFor == null || x.votedFor.equals(r.from()));
                if (grant) x.votedFor = r.from();
                remove(m);
                expectReply = new RequestVoteResponse(i, r.from(), x.term, e.clock(), grant);
            }
            case HandleRequestVoteResponse -> {
                if (!inBag(m) || !m.to().equals(i) || m.term() > x.term) return "not enabled: " + m;
                RequestVoteResponse r = (RequestVoteResponse) m;
                if (x.role == Role.Candidate && r.term() == x.term && r.voteGranted()) x.votes.add(r.from());
                remove(m);
            }
            case BecomeLeader -> {
                if (x.role != Role.Candidate || x.votes.size() < quorum) return "not enabled";
                x.role = Role.Leader;
                x.preCandidate = false;
                resetLeaderMaps(i, x, x.log.size() + 1L);
            }
            case ClientRequest -> {
                if (x.role != Role.Leader) return "not a leader";
                StateChange s = e.state();
                if (s.log() == null || s.log().entries().size() != 1) return "no single appended entry";
                Entry en = s.log().entries().get(0);
                if (en.term() != x.term) return "entry of term " + en.term() + " in term " + x.term;
                x.log.add(en);
            }
            case AppendEntries -> {
                if (x.role != Role.Leader) return "not a leader";
                AppendEntriesRequest r = (AppendEntriesRequest) m;
                long next = x.next.get(r.to());
                if (next <= x.snap) return "entries up to " + x.snap + " are compacted: InstallSnapshot, not " + r;
                long prev = next - 1;
                // any number of entries from nextIndex on that the log holds (the spec's AppendEntries(i, j, n))
                int n = r.entries().size();
                List<Entry> entries = prev + n <= x.log.size() ? x.log.subList((int) prev, (int) prev + n) : List.of();
                if (!r.from().equals(i) || r.term() != x.term || r.prevLogIndex() != prev || entries.size() != n
                        || r.prevLogTerm() != x.termAt(prev) || !r.entries().equals(entries)
                        || r.commitIndex() != Math.min(x.commit, prev + entries.size())) {
                    return "request does not match the leader's state: " + r + " expected prev " + prev + " entries "
                            + entries.size() + " commit " + Math.min(x.commit, prev + entries.size());
                }
                add(m);
            }
            case HandleAppendEntriesRequest -> {
                if (!inBag(m) || !m.to().equals(i) || m.term() > x.term) return "not enabled: " + m;
                AppendEntriesRequest r = (AppendEntriesRequest) m;
                // the spec's AfterSnapshot: what the snapshot covers is skipped unchecked
                if (r.term() == x.term) x.preCandidate = false;
                long prev = r.prevLogIndex();
                long prevTerm = r.prevLogTerm();
                List<Entry> rest = r.entries();
                if (prev < x.snap) {
                    int cut = (int) (x.snap - prev);
                    prevTerm = cut >= rest.size() ? x.termAt(x.snap) : rest.get(cut - 1).term();
                    rest = cut >= rest.size() ? List.of() : rest.subList(cut, rest.size());
                    prev = x.snap;
                }
                boolean logOk = prev == 0 || (prev <= x.log.size() && x.termAt(prev) == prevTerm);
                remove(m);
                if (r.term() < x.term || !logOk) {
                    // Raft.tla's ConflictHint: of the request as it came when stale, else of its part after the
                    // snapshot; entries in the snapshot are never in conflict
                    long hp = r.term() < x.term ? r.prevLogIndex() : prev;
                    long ht = r.term() < x.term ? r.prevLogTerm() : prevTerm;
                    long hintIndex = hp + 1;
                    long hintTerm = 0;
                    if (hp > x.log.size()) {
                        hintIndex = x.log.size() + 1;
                    } else if (hp > x.snap && x.termAt(hp) != ht) {
                        hintTerm = x.termAt(hp);
                        hintIndex = hp;
                        while (hintIndex - 1 > x.snap && x.termAt(hintIndex - 1) == hintTerm) {
                            hintIndex--;
                        }
                    }
                    expectReply = new AppendEntriesResponse(i, r.from(), x.term, e.clock(), false, 0, 0, hintIndex,
                            hintTerm);
                } else {
                    if (x.role == Role.Candidate) x.role = Role.Follower;
                    long idx = prev;
                    for (Entry en : rest) {
                        idx++;
                        if (idx <= x.log.size()) {
                            if (x.termAt(idx) == en.term()) continue;
                            x.log.subList((int) idx - 1, x.log.size()).clear();
                        }
                        x.log.add(en);
                    }
                    long last = r.prevLogIndex() + r.entries().size();
                    x.commit = Math.max(x.commit, Math.min(r.commitIndex(), last));
                    expectReply = new AppendEntriesResponse(i, r.from(), x.term, e.clock(), true, last, 0);
                }
            }
            case HandleAppendEntriesResponse -> {
                if (!inBag(m) || !m.to().equals(i) || m.term() > x.term) return "not enabled: " + m;
                AppendEntriesResponse r = (AppendEntriesResponse) m;
                if (x.role == Role.Leader && r.term() == x.term) {
                    String j = r.from();
                    if (r.success()) {
                        x.match.put(j, Math.max(x.match.get(j), r.matchIndex()));
                        x.next.put(j, Math.max(x.next.get(j), r.matchIndex() + 1));
                    } else {
                        // Raft.tla's BacktrackHint: past the leader's last entry of the conflicting term, if any
                        long hint = r.conflictIndex() == 0 ? x.next.get(j) - 1 : r.conflictIndex();
                        for (long k = x.log.size(); k >= Math.max(x.snap, 1) && r.conflictTerm() > 0; k--) {
                            if (x.termAt(k) == r.conflictTerm()) {
                                hint = k + 1;
                                break;
                            }
                        }
                        x.next.put(j, Math.max(Math.min(x.next.get(j) - 1, hint), 1));
                    }
                }
                remove(m);
            }
            case AdvanceCommitIndex -> {
                if (x.role != Role.Leader) return "not a leader";
                long best = x.commit;
                for (long n = x.log.size(); n > x.commit; n--) {
                    if (x.termAt(n) != x.term) continue;
                    int count = 1;
                    for (long mi : x.match.values()) if (mi >= n) count++;
                    if (count >= quorum) {
                        best = n;
                        break;
                    }
                }
                if (best == x.commit) return "nothing to commit";
                x.commit = best;
            }
            case UpdateTerm -> {
                if (!inBag(m) || !m.to().equals(i) || m.term() <= x.term) return "not enabled: " + m;
                if (m instanceof PreVoteRequest || m instanceof PreVoteResponse) return "a pre-vote moves no term";
                x.preCandidate = false;
                x.term = m.term();
                x.role = Role.Follower;
                x.votedFor = null;
            }
            case Restart -> {
                x.role = Role.Follower;
                x.commit = x.snap;
                x.votes = new LinkedHashSet<>();
                resetLeaderMaps(i, x, 1);
                x.preCandidate = false;
                x.preVotes = new LinkedHashSet<>();
            }
            case PreVote -> {
                if (x.role == Role.Leader) return "a leader's timer does not fire";
                x.preCandidate = true;
                x.preVotes = new LinkedHashSet<>(List.of(i));
            }
            case RequestPreVote -> {
                if (!x.preCandidate) return "not a pre-candidate";
                PreVoteRequest r = (PreVoteRequest) m;
                if (!r.from().equals(i) || r.term() != x.term + 1 || r.lastLogIndex() != x.log.size()
                        || r.lastLogTerm() != x.lastTerm()) return "request does not match the pre-candidate: " + r;
                add(m);
            }
            case HandlePreVoteRequest -> {
                if (!inBag(m) || !m.to().equals(i)) return "not enabled: " + m;
                PreVoteRequest r = (PreVoteRequest) m;
                boolean logOk = r.lastLogTerm() > x.lastTerm()
                        || (r.lastLogTerm() == x.lastTerm() && r.lastLogIndex() >= x.log.size());
                boolean grantable = r.term() > x.term && logOk && x.role != Role.Leader;
                // a follower may refuse for having heard from a leader lately (timing, left open by the spec)
                PreVoteResponse logged = (PreVoteResponse) e.reply();
                boolean grant = grantable && (x.role != Role.Follower || logged == null || logged.voteGranted());
                remove(m);
                expectReply = new PreVoteResponse(i, r.from(), grant ? r.term() : x.term, e.clock(), grant);
            }
            case HandlePreVoteResponse -> {
                if (!inBag(m) || !m.to().equals(i)) return "not enabled: " + m;
                PreVoteResponse r = (PreVoteResponse) m;
                if (x.preCandidate && r.voteGranted() && r.term() == x.term + 1) x.preVotes.add(r.from());
                remove(m);
            }
            case DropMessage -> {
                if (!inBag(m) || !m.to().equals(i)) return "not in flight: " + m;
                remove(m);
            }
            case DuplicateMessage -> {
                if (!inBag(m) || !m.to().equals(i)) return "not in flight: " + m;
                add(m);
            }
            case CompactLog -> {
                Long k = e.state().snapshotIndex();
                if (k == null || k <= x.snap || k > Math.min(x.commit, x.log.size())) {
                    return "cannot compact to " + k + " (snapshot " + x.snap + ", commit " + x.commit + ")";
                }
                x.snap = k;
            }
            case InstallSnapshot -> {
                if (x.role != Role.Leader) return "not a leader";
                InstallSnapshotRequest r = (InstallSnapshotRequest) m;
                if (x.next.get(r.to()) > x.snap) return "the peer needs no compacted entry: " + r;
                if (!r.from().equals(i) || r.term() != x.term || r.snapshot().index() != x.snap
                        || r.snapshot().term() != x.termAt(x.snap)) {
                    return "request does not match the leader's snapshot " + x.snap + ": " + r;
                }
                snapshotData.put(key(m), List.copyOf(x.log.subList(0, (int) x.snap)));
                add(m);
            }
            case HandleInstallSnapshotRequest -> {
                if (!inBag(m) || !m.to().equals(i) || m.term() > x.term) return "not enabled: " + m;
                InstallSnapshotRequest r = (InstallSnapshotRequest) m;
                if (r.term() == x.term) x.preCandidate = false; // a leader of this term is alive
                remove(m);
                if (r.term() < x.term) {
                    expectReply = new InstallSnapshotResponse(i, r.from(), x.term, e.clock(), false, 0, 0);
                } else {
                    if (x.role == Role.Candidate) x.role = Role.Follower;
                    long k = r.snapshot().index();
                    if (k > x.commit) {
                        List<Entry> data = snapshotData.get(key(m));
                        boolean keep = k <= x.log.size() && x.termAt(k) == r.snapshot().term();
                        List<Entry> suffix = keep ? new ArrayList<>(x.log.subList((int) k, x.log.size())) : List.of();
                        x.log = new ArrayList<>(data);
                        x.log.addAll(suffix);
                        x.snap = k;
                        x.commit = k;
                    }
                    expectReply = new InstallSnapshotResponse(i, r.from(), x.term, e.clock(), true, k, 0);
                }
            }
            case HandleInstallSnapshotResponse -> {
                if (!inBag(m) || !m.to().equals(i) || m.term() > x.term) return "not enabled: " + m;
                InstallSnapshotResponse r = (InstallSnapshotResponse) m;
                if (x.role == Role.Leader && r.term() == x.term && r.success()) {
                    x.match.put(r.from(), Math.max(x.match.get(r.from()), r.matchIndex()));
                    x.next.put(r.from(), Math.max(x.next.get(r.from()), r.matchIndex() + 1));
                }
                remove(m);
            }
        }
        if (expectReply != null) {
            if (e.reply() == null || !key(e.reply()).equals(key(expectReply))) {
                return "reply " + e.reply() + " but the contract gives " + expectReply;
            }
            add(e.reply());
        } else if (e.reply() != null) {
            return "unexpected reply";
        }
        StateChange s = e.state();
        String err = field("currentTerm", s.currentTerm(), term0, x.term);
        if (err == null) err = s.votedForSet() ? (Objects.equals(s.votedFor(), x.votedFor) ? null
                : "votedFor " + s.votedFor() + " but the contract gives " + x.votedFor)
                : (Objects.equals(vote0, x.votedFor) ? null : "votedFor changed to " + x.votedFor + " but not reported");
        if (err == null) err = field("role", s.role(), role0, x.role);
        if (err == null) err = field("commitIndex", s.commitIndex(), commit0, x.commit);
        if (err == null) err = field("votesGranted", s.votesGranted() == null ? null : new LinkedHashSet<>(s.votesGranted()),
                votes0, x.votes);
        if (err == null) err = field("nextIndex", s.nextIndex(), next0, x.next);
        if (err == null) err = field("matchIndex", s.matchIndex(), match0, x.match);
        if (err == null) err = field("snapshotIndex", s.snapshotIndex(), snap0, x.snap);
        if (err == null && s.snapshotTerm() != null && s.snapshotTerm() != x.termAt(x.snap)) {
            err = "snapshotTerm " + s.snapshotTerm() + " but the contract gives " + x.termAt(x.snap);
        }
        if (err == null) err = field("preCandidate", s.preCandidate(), pre0, x.preCandidate);
        if (err == null) err = field("preVotesGranted", s.preVotesGranted() == null ? null
                : new LinkedHashSet<>(s.preVotesGranted()), preVotes0, x.preVotes);
        if (err == null) {
            if (s.log() == null) {
                if (!log0.equals(x.log)) err = "log changed but not reported";
            } else {
                long from = s.log().from();
                if (s.log().len() != x.log.size()) {
                    err = "log length " + s.log().len() + " but the contract gives " + x.log.size();
                } else if (!s.log().entries().equals(x.log.subList((int) from - 1, x.log.size()))) {
                    err = "log entries from " + from + " differ from the contract's";
                } else if (e.event() == dev.dsverify.raft.trace.EventType.HandleInstallSnapshotRequest) {
                    // entries up to the snapshot point are the snapshot's: not logged
                } else if (from - 1 > log0.size() || !log0.subList(0, (int) from - 1).equals(x.log.subList(0, (int) from - 1))) {
                    err = "log changed before the reported 'from' " + from;
                }
            }
        }
        return err;
    }

    private static String field(String name, Object reported, Object before, Object after) {
        if (reported == null) {
            return Objects.equals(before, after) ? null : name + " changed to " + after + " but not reported";
        }
        return Objects.equals(reported, after) ? null : name + " " + reported + " but the contract gives " + after;
    }
}
