package dev.dsverify.raft.lin;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a key-value history is linearizable, after Wing and Gong: look for a total order of the
 * operations that respects real time (an operation answered before another was invoked comes first) and the
 * sequential specification. Keys are independent (every operation touches one key), so each key's
 * sub-history is checked on its own. The depth-first search memoises (set of placed operations, value of the
 * key) pairs already known to lead nowhere, which keeps it polynomial for histories of low concurrency.
 * A search exceeding {@code maxStates} ends with UNKNOWN, never with a pass.
 */
public final class LinearizabilityChecker {
    private final long maxStates;

    public LinearizabilityChecker(long maxStates) {
        this.maxStates = maxStates;
    }

    public LinearizabilityChecker() {
        this(2_000_000);
    }

    public LinResult check(List<Operation> history) {
        Map<String, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation o : history) {
            byKey.computeIfAbsent(o.op().key(), k -> new ArrayList<>()).add(o);
        }
        long explored = 0;
        LinResult unknown = null;
        for (Map.Entry<String, List<Operation>> e : byKey.entrySet()) {
            Search s = new Search(e.getValue(), maxStates);
            Boolean ok;
            try {
                ok = deep(s);
            } catch (StackOverflowError tooDeep) {
                explored += s.states;
                unknown = new LinResult(LinResult.Status.UNKNOWN, e.getKey(), "the " + e.getValue().size()
                        + " operations on key '" + e.getKey() + "' are more than the search's stack holds", explored);
                continue;
            }
            explored += s.states;
            if (ok == null) {
                unknown = new LinResult(LinResult.Status.UNKNOWN, e.getKey(),
                        "search for key '" + e.getKey() + "' stopped after " + s.states + " states", explored);
            } else if (!ok) {
                return new LinResult(LinResult.Status.VIOLATION, e.getKey(), "no linearization of the "
                        + e.getValue().size() + " operations on key '" + e.getKey() + "'; longest linearizable prefix: "
                        + s.best + " operations", explored);
            }
        }
        return unknown != null ? unknown : new LinResult(LinResult.Status.LINEARIZABLE, null, "", explored);
    }

    /** The search recurses once per operation linearized: run it where a long history fits in the stack. */
    static final long SEARCH_STACK_BYTES = 1L << 30;

    private static Boolean deep(Search s) {
        Boolean[] result = new Boolean[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = s.run();
            } catch (Throwable x) {
                failure[0] = x;
            }
        }, "linearizability-search", SEARCH_STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking linearizability", e);
        }
        if (failure[0] instanceof StackOverflowError soe) {
            throw soe;
        }
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        return result[0];
    }

    private static final class Search {
        private final Operation[] ops;
        private final int completeCount;
        private final long maxStates;
        private final Set<Memo> dead = new HashSet<>();
        long states;
        int best;

        private record Memo(BitSet placed, String value) {}

        Search(List<Operation> history, long maxStates) {
            this.ops = history.stream().sorted(Comparator.comparingLong(Operation::invoke)).toArray(Operation[]::new);
            this.completeCount = (int) history.stream().filter(Operation::complete).count();
            this.maxStates = maxStates;
        }

        /** TRUE: linearizable; FALSE: not; null: bound reached. */
        Boolean run() {
            try {
                return dfs(new BitSet(ops.length), null, 0);
            } catch (BoundReached e) {
                return null;
            }
        }

        private boolean dfs(BitSet placed, String value, int placedComplete) {
            if (placedComplete == completeCount) {
                return true;
            }
            Memo m = new Memo(placed, value);
            if (!dead.add(m)) {
                return false;
            }
            if (++states > maxStates) {
                throw new BoundReached();
            }
            best = Math.max(best, placed.cardinality());
            // Only operations invoked before the earliest pending answer may come next.
            long horizon = Long.MAX_VALUE;
            for (int i = placed.nextClearBit(0); i < ops.length; i = placed.nextClearBit(i + 1)) {
                if (ops[i].invoke() > horizon) {
                    break;
                }
                if (ops[i].complete()) {
                    horizon = Math.min(horizon, ops[i].ret());
                }
            }
            for (int i = placed.nextClearBit(0); i < ops.length && ops[i].invoke() < horizon;
                    i = placed.nextClearBit(i + 1)) {
                Object next = KvModel.step(ops[i], value);
                if (next == KvModel.REFUSED) {
                    continue;
                }
                BitSet p = (BitSet) placed.clone();
                p.set(i);
                if (dfs(p, (String) next, placedComplete + (ops[i].complete() ? 1 : 0))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class BoundReached extends RuntimeException {
        BoundReached() {
            super(null, null, false, false);
        }
    }
}
