package dev.dsverify.raft.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run must achieve besides safety, with bounds stated in server ticks (10 ms of simulated time):
 *
 * <ul>
 *   <li><b>Liveness</b>: once the faults stop ({@link Schedule#quietAt()}: partitions healed, crashed servers
 *   restarted, pauses over, no more lost, duplicated or slow messages, clocks at the same rate), a leader is elected
 *   within {@value #LEADER_BOUND_TICKS} ticks of the network draining (the last message slowed before arrives), and
 *   every client command pending then, or issued later, completes within {@value #COMMAND_BOUND_TICKS} ticks of the
 *   later of the two moments.</li>
 *   <li><b>LeaderAvailability</b>: at any time, while a majority of servers is up, running and connected to each
 *   other (no cut link between any two of them), a stretch without a leader among them lasts at most
 *   {@value #LEADERLESS_BOUND_TICKS} ticks; before the faults stop only if no message is slowed by more than about
 *   an election timeout.</li>
 * </ul>
 *
 * A leader here is a server in the Leader role whose term is the highest among the servers considered, so a leader
 * deposed behind a partition does not count. The bounds are many election timeouts (10 to 19 ticks) wide: a
 * correct Raft meets them under every fault mix the simulator draws, a server that never wins an election or a
 * command that is never retried does not.
 */
public final class LivenessCheck {
    /** Ticks after the faults stop within which a leader must be elected. */
    static final int LEADER_BOUND_TICKS = 100;
    /** Ticks within which a command pending after the faults stop must complete. */
    static final int COMMAND_BOUND_TICKS = 200;
    /** Longest stretch, in ticks, without a leader while a majority is connected and up. */
    static final int LEADERLESS_BOUND_TICKS = 400;

    /** The cluster as the check sees it. */
    interface Cluster {
        List<String> ids();

        /** Up and not paused. */
        boolean running(String id);

        boolean leader(String id);

        long term(String id);

        /** Messages from {@code from} to {@code to} are cut. */
        boolean cut(String from, String to);
    }

    /**
     * What the run showed, in ticks.
     *
     * @param quietAt                when the faults stopped (simulated microseconds)
     * @param leaderAfterQuiet       ticks from then until a leader was there; -1 if the run ended before
     * @param longestLeaderless      the longest stretch without a leader while a majority was connected and up
     * @param longestCommandAfterQuiet the longest a command waited after the faults stopped
     * @param staleMessages          messages delivered after their receiver had moved to a later term
     * @param slowestCommand         the longest, in ticks, any command issued while a leader was in office took
     *                               from issue to answer
     * @param convergedAfter         ticks from the end of the operations (and the faults) until every server had
     *                               caught up ({@link ConvergenceCheck}); -1 if the run ended otherwise
     */
    public record Report(long quietAt, long leaderAfterQuiet, long longestLeaderless, long longestCommandAfterQuiet,
            long staleMessages, long slowestCommand, long convergedAfter) {
        public static final Report NONE = new Report(0, -1, 0, 0, 0, 0, -1);

        public Report(long quietAt, long leaderAfterQuiet, long longestLeaderless, long longestCommandAfterQuiet,
                long staleMessages) {
            this(quietAt, leaderAfterQuiet, longestLeaderless, longestCommandAfterQuiet, staleMessages, 0, -1);
        }

        public String describe() {
            return String.format(Locale.ROOT, "leaderless at most %d ticks, %s, %d stale messages, slowest command"
                    + " %d ticks%s", longestLeaderless,
                    leaderAfterQuiet < 0 ? "done before the faults stopped"
                            : "leader " + leaderAfterQuiet + " ticks after the faults stopped", staleMessages,
                    slowestCommand, convergedAfter < 0 ? "" : ", caught up " + convergedAfter + " ticks after the end");
        }
    }

    private record Pending(String what, long issuedAt, boolean led) {}

    private final Cluster cluster;
    private final long tick;
    private final boolean timely;
    private long quietAt;
    private final int majority;
    private final Map<Integer, Pending> pending = new LinkedHashMap<>();
    private boolean quiet;
    private long leaderAt = -1;
    /** Servers in some connected, running majority; empty when there is none. */
    private List<String> majorityGroup = List.of();
    private long leaderlessSince = -1;
    private long longestLeaderless;
    private long longestCommand;
    private long stale;
    /** Whether a leader (of the highest term among running servers) was ever in office. */
    private boolean led;
    private long slowest;

    /**
     * @param timely whether messages arrive in time during the faults (none slower than about an election
     *               timeout): only then does a stretch without a leader count before the faults stop; a link that
     *               holds messages for seconds connects nobody in time for an election
     */
    LivenessCheck(Cluster cluster, long tick, boolean timely) {
        this.cluster = cluster;
        this.tick = tick;
        this.timely = timely;
        this.majority = cluster.ids().size() / 2 + 1;
    }

    boolean quiet() {
        return quiet;
    }

    /** The faults stopped and the network drained (the simulator healed everything first). */
    void faultsStopped(long now) {
        quiet = true;
        quietAt = now;
        topologyChanged(now);
    }

    /** Servers went up or down, paused or resumed, or links were cut or healed. */
    void topologyChanged(long now) {
        majorityGroup = timely || quiet ? connectedMajority() : List.of();
        stepped(now);
    }

    /** A server took a step: roles and terms may have changed. */
    void stepped(long now) {
        boolean leaderInGroup = hasLeader(majorityGroup);
        led = led || hasLeader(cluster.ids());
        if (quiet && leaderAt < 0 && leaderInGroup) {
            leaderAt = now;
        }
        boolean leaderless = !majorityGroup.isEmpty() && !leaderInGroup;
        if (leaderless && leaderlessSince < 0) {
            leaderlessSince = now;
        } else if (!leaderless && leaderlessSince >= 0) {
            longestLeaderless = Math.max(longestLeaderless, now - leaderlessSince);
            leaderlessSince = -1;
        }
    }

    void staleMessage() {
        stale++;
    }

    void issued(int op, String what, long now) {
        pending.put(op, new Pending(what, now, led));
    }

    void completed(int op, long now) {
        Pending p = pending.remove(op);
        if (p != null && p.led()) {
            slowest = Math.max(slowest, now - p.issuedAt());
        }
        if (p != null && quiet) {
            longestCommand = Math.max(longestCommand, now - Math.max(p.issuedAt(), quietAt));
        }
    }

    /** Fails the run when a bound is exceeded; called every tick of simulated time. */
    void check(long now) {
        if (leaderlessSince >= 0 && now - leaderlessSince > LEADERLESS_BOUND_TICKS * tick) {
            throw new InvariantViolation("LeaderAvailability", String.format(Locale.ROOT,
                    "no leader for more than %d ticks (since %.3fs) while %s were up, running and connected",
                    LEADERLESS_BOUND_TICKS, leaderlessSince / 1e6, majorityGroup));
        }
        if (!quiet) {
            return;
        }
        if (leaderAt < 0 && now - quietAt > LEADER_BOUND_TICKS * tick) {
            throw new InvariantViolation("Liveness", String.format(Locale.ROOT,
                    "no leader elected within %d ticks after the faults stopped at %.3fs; %s; pending: %s",
                    LEADER_BOUND_TICKS, quietAt / 1e6, roles(), pendingText()));
        }
        for (Pending p : pending.values()) {
            if (now - Math.max(p.issuedAt(), quietAt) > COMMAND_BOUND_TICKS * tick) {
                throw new InvariantViolation("Liveness", String.format(Locale.ROOT,
                        "%s not completed within %d ticks after the faults stopped at %.3fs; %s; pending: %s",
                        p.what(), COMMAND_BOUND_TICKS, quietAt / 1e6, roles(), pendingText()));
            }
        }
    }

    Report report(long now) {
        return report(now, -1);
    }

    Report report(long now, long convergedAfter) {
        long leaderless = leaderlessSince >= 0 ? Math.max(longestLeaderless, now - leaderlessSince) : longestLeaderless;
        return new Report(quietAt, leaderAt < 0 ? -1 : (leaderAt - quietAt) / tick, leaderless / tick,
                longestCommand / tick, stale, (slowest + tick - 1) / tick, convergedAfter);
    }

    private String pendingText() {
        List<String> parts = new ArrayList<>();
        for (Pending p : pending.values()) {
            parts.add(String.format(Locale.ROOT, "%s since %.3fs", p.what(), p.issuedAt() / 1e6));
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private String roles() {
        List<String> parts = new ArrayList<>();
        for (String id : cluster.ids()) {
            parts.add(id + (cluster.running(id) ? (cluster.leader(id) ? " leads" : " follows/campaigns") : " down")
                    + " in term " + cluster.term(id));
        }
        return String.join(", ", parts);
    }

    private boolean hasLeader(List<String> group) {
        long top = -1;
        for (String id : group) {
            top = Math.max(top, cluster.term(id));
        }
        for (String id : group) {
            if (cluster.leader(id) && cluster.term(id) == top) {
                return true;
            }
        }
        return false;
    }

    /**
     * The servers of every largest set of running servers that reach each other both ways, if that set is a
     * majority. At most nine servers: every subset is tried.
     */
    private List<String> connectedMajority() {
        List<String> ids = cluster.ids();
        int n = ids.size();
        boolean[] running = new boolean[n];
        for (int i = 0; i < n; i++) {
            running[i] = cluster.running(ids.get(i));
        }
        boolean[][] linked = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                linked[i][j] = i == j || (!cluster.cut(ids.get(i), ids.get(j)) && !cluster.cut(ids.get(j), ids.get(i)));
            }
        }
        int members = 0;
        for (int set = 1; set < (1 << n); set++) {
            if (Integer.bitCount(set) < majority || !clique(set, n, running, linked)) {
                continue;
            }
            members |= set;
        }
        List<String> group = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if ((members & (1 << i)) != 0) {
                group.add(ids.get(i));
            }
        }
        return group;
    }

    private static boolean clique(int set, int n, boolean[] running, boolean[][] linked) {
        for (int i = 0; i < n; i++) {
            if ((set & (1 << i)) == 0) {
                continue;
            }
            if (!running[i]) {
                return false;
            }
            for (int j = i + 1; j < n; j++) {
                if ((set & (1 << j)) != 0 && !linked[i][j]) {
                    return false;
                }
            }
        }
        return true;
    }
}
