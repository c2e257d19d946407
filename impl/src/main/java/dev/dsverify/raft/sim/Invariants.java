package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.Ready;
import dev.dsverify.raft.core.Role;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Raft's safety properties, checked after every step of every server. Each check looks only at what the
 * step could have changed, so checking everything after every step stays cheap:
 * <ul>
 *   <li>ElectionSafety: at most one leader per term, over the whole run;</li>
 *   <li>LogMatching: two logs with an entry of the same index and term agree on the whole prefix up to it
 *       (checked with prefix hashes registered per (index, term));</li>
 *   <li>LeaderCompleteness / committed entries never lost: a new leader holds every entry committed in an
 *       earlier term;</li>
 *   <li>CommittedEntriesStable: an index, once committed anywhere, always holds the same entry;</li>
 *   <li>StateMachineSafety: no two servers apply different entries at the same index;</li>
 *   <li>CommitIndexMonotonic: a server's commit index never decreases within one incarnation;</li>
 *   <li>AppendEntriesBounded: an AppendEntries carries at most the configured number of entries and, unless it
 *       carries a single one, at most the configured number of command bytes.</li>
 * </ul>
 */
public final class Invariants {
    private final Map<Long, String> leaderOfTerm = new HashMap<>();
    private final Map<Long, Map<Long, Long>> prefixHashByIndexTerm = new HashMap<>();
    private final Map<Long, Long> committedTerm = new HashMap<>();
    private final Map<Long, Long> committedHash = new HashMap<>();
    /** Per committed index, the lowest term in which any server saw it committed: an upper bound of the term
     *  whose leader committed it, so leaders of later terms must hold it. */
    private final Map<Long, Long> committedInTerm = new HashMap<>();
    private long maxCommitted;
    private final Map<Long, Entry> appliedAt = new HashMap<>();
    private final Map<String, NodeView> views = new HashMap<>();

    private static final class NodeView {
        long[] prefix = new long[64];
        /** Lowest log index changed since the last check (0: none); a (re)started server's log is all new. */
        long changedFrom = 1;
        long snapshotIndex;
        long commit;
        Role role = Role.Follower;
        long term;
    }

    /** A server sent {@code m}: an AppendEntries must keep within the configured bounds of a batch. */
    public void sent(Message m, int maxEntries, long maxBytes) {
        if (m instanceof AppendEntriesRequest q && !q.entries().isEmpty()) {
            long bytes = 0;
            for (Entry e : q.entries()) {
                bytes += e.data().length;
            }
            int n = q.entries().size();
            if (n > maxEntries || (n > 1 && bytes > maxBytes)) {
                throw new InvariantViolation("AppendEntriesBounded", m.from() + " sent " + m.to() + " " + n
                        + " entries of " + bytes + " bytes after index " + q.prevLogIndex() + " in one AppendEntries;"
                        + " the bounds are " + maxEntries + " entries and " + maxBytes + " bytes");
            }
        }
    }

    /** A server (re)started: its per-incarnation history starts over. */
    public void restarted(String node) {
        views.put(node, new NodeView());
    }

    /**
     * {@code node} handed its driver {@code rd}: the log write it carries (and an installed snapshot, which
     * rewrites the log after it) is what the next {@link #afterStep} re-examines.
     */
    public void ready(String node, Ready rd) {
        if (rd.hasLogWrite()) {
            NodeView v = views.computeIfAbsent(node, k -> new NodeView());
            v.changedFrom = v.changedFrom == 0 ? rd.entriesFrom() : Math.min(v.changedFrom, rd.entriesFrom());
        }
    }

    public void afterStep(RaftNode n) {
        NodeView v = views.computeIfAbsent(n.id(), k -> new NodeView());
        checkLog(n, v);
        if (n.role() == Role.Leader) {
            String prev = leaderOfTerm.putIfAbsent(n.currentTerm(), n.id());
            if (prev != null && !prev.equals(n.id())) {
                throw new InvariantViolation("ElectionSafety", "both " + prev + " and " + n.id()
                        + " became leader in term " + n.currentTerm());
            }
            if (v.role != Role.Leader || v.term != n.currentTerm()) {
                checkLeaderCompleteness(n);
            }
        }
        v.role = n.role();
        v.term = n.currentTerm();
        long c = n.commitIndex();
        if (c < v.commit) {
            throw new InvariantViolation("CommitIndexMonotonic", n.id() + " moved its commit index from " + v.commit
                    + " back to " + c);
        }
        // Entries inside the snapshot are gone from the log; they were checked when they were committed.
        for (long i = Math.max(v.commit + 1, n.snapshotIndex() + 1); i <= Math.min(c, n.lastIndex()); i++) {
            long t = n.term(i);
            long h = v.prefix[(int) i];
            committedInTerm.merge(i, n.currentTerm(), Math::min);
            Long known = committedTerm.putIfAbsent(i, t);
            if (known == null) {
                committedHash.put(i, h);
                maxCommitted = Math.max(maxCommitted, i);
            } else if (known != t || committedHash.get(i) != h) {
                throw new InvariantViolation("CommittedEntriesStable", n.id() + " committed index " + i + " with term "
                        + t + " but term " + known + " was committed there before");
            }
        }
        v.commit = Math.max(v.commit, c);
    }

    private void checkLog(RaftNode n, NodeView v) {
        long from = v.changedFrom;
        v.changedFrom = 0;
        long len = n.lastIndex();
        if (v.prefix.length <= len) {
            v.prefix = Arrays.copyOf(v.prefix, (int) Math.max(len + 1, v.prefix.length * 2L));
        }
        long snap = n.snapshotIndex();
        if (snap != v.snapshotIndex) {
            v.snapshotIndex = snap;
            Long h = committedHash.get(snap);
            if (h == null) {
                throw new InvariantViolation("SnapshotCommitted", n.id() + " holds a snapshot up to index " + snap
                        + ", which was never committed");
            }
            v.prefix[(int) snap] = h;
            from = from == 0 ? snap + 1 : Math.max(from, snap + 1);
        }
        if (from == 0) {
            return;
        }
        for (long i = Math.max(from, snap + 1); i <= len; i++) {
            Entry e = n.entry(i);
            long h = mix(v.prefix[(int) i - 1], e);
            v.prefix[(int) i] = h;
            Long other = prefixHashByIndexTerm.computeIfAbsent(i, k -> new HashMap<>()).putIfAbsent(e.term(), h);
            if (other != null && other != h) {
                throw new InvariantViolation("LogMatching", n.id() + " has an entry of term " + e.term() + " at index "
                        + i + " whose log prefix differs from another server's with the same index and term");
            }
        }
    }

    private void checkLeaderCompleteness(RaftNode n) {
        for (long i = n.snapshotIndex() + 1; i <= maxCommitted; i++) {
            Long t = committedTerm.get(i);
            Long in = committedInTerm.get(i);
            // A leader of an older term (its votes arrived late) need not hold entries committed after it.
            if (t != null && in < n.currentTerm() && (i > n.lastIndex() || n.term(i) != t)) {
                throw new InvariantViolation("LeaderCompleteness", n.id() + " became leader of term " + n.currentTerm()
                        + " without the committed entry at index " + i + " (term " + t + "): a committed entry was lost");
            }
        }
    }

    /** A server applied {@code e} at {@code index}. */
    public void applied(String node, long index, Entry e) {
        Entry prev = appliedAt.putIfAbsent(index, e);
        if (prev != null && !prev.equals(e)) {
            throw new InvariantViolation("StateMachineSafety", node + " applied " + e + " at index " + index
                    + " where another server applied " + prev);
        }
    }

    public long maxCommitted() {
        return maxCommitted;
    }

    public long leaders() {
        return leaderOfTerm.size();
    }

    private static long mix(long h, Entry e) {
        long x = h * 0x9E3779B97F4A7C15L + e.term();
        x ^= Arrays.hashCode(e.data()) * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 31;
        return x * 0x94D049BB133111EBL;
    }
}
