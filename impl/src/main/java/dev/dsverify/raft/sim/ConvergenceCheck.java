package dev.dsverify.raft.sim;

import java.util.List;
import java.util.Locale;

/**
 * <b>Convergence</b>: once every client operation has completed and the faults have stopped, every server catches
 * up with the leader within {@value #BOUND_TICKS} ticks: its log ends where the leader's ends, with an entry of the
 * same term, all of it committed and applied. A follower that never gets a snapshot or entries it lacks is invisible
 * while the others form a majority (commands complete, traces replay); this property is what sees it. The bound is
 * many heartbeat rounds and election timeouts wide: a correct Raft needs a few heartbeats, or an election and a few
 * heartbeats, after the network has drained.
 */
final class ConvergenceCheck {
    /** Ticks after the start of the check within which every server must have caught up. */
    static final int BOUND_TICKS = 100;

    /** One server as the check sees it; {@code up} false for a server down or paused. */
    record Server(String id, boolean up, boolean leader, long term, long commit, long applied, long lastIndex,
            long lastTerm) {
        Server withTerm(long t) {
            return new Server(id, up, leader, t, commit, applied, lastIndex, lastTerm);
        }

        String describe() {
            return String.format(Locale.ROOT, "%s at commit %d (applied %d, log to %d of term %d, term %d)", id,
                    commit, applied, lastIndex, lastTerm, term);
        }
    }

    private final long tick;
    private long since = -1;

    ConvergenceCheck(long tick) {
        this.tick = tick;
    }

    /** Operations are done and the faults have stopped: the bound starts now. */
    void start(long now) {
        if (since < 0) {
            since = now;
        }
    }

    boolean started() {
        return since >= 0;
    }

    /** Ticks from the start until {@code now}, rounded up. */
    long ticksSinceStart(long now) {
        return (now - since + tick - 1) / tick;
    }

    /** Whether every server has caught up; fails the run when the bound is exceeded without it. */
    boolean check(List<Server> servers, long now) {
        assert started() : "convergence checked before it started";
        String lag = lag(servers);
        if (lag == null) {
            return true;
        }
        if (now - since > BOUND_TICKS * tick) {
            throw new InvariantViolation("Convergence", String.format(Locale.ROOT,
                    "%s, %d ticks after all operations completed and the faults stopped at %.3fs", lag, BOUND_TICKS,
                    since / 1e6));
        }
        return false;
    }

    /** What keeps the cluster from having converged, or null when it has. */
    static String lag(List<Server> servers) {
        Server leader = null;
        long top = -1;
        for (Server s : servers) {
            if (s.up()) {
                top = Math.max(top, s.term());
            }
        }
        for (Server s : servers) {
            if (s.up() && s.leader() && s.term() == top) {
                leader = s;
            }
        }
        if (leader == null) {
            StringBuilder sb = new StringBuilder("no leader in term " + top + ":");
            for (Server s : servers) {
                sb.append(' ').append(s.up() ? s.describe() : s.id() + " down");
                sb.append(';');
            }
            return sb.substring(0, sb.length() - 1);
        }
        if (leader.commit() != leader.lastIndex() || leader.applied() != leader.commit()) {
            return "leader " + leader.describe() + " has not committed and applied its whole log";
        }
        for (Server s : servers) {
            if (s == leader) {
                continue;
            }
            if (!s.up() || s.commit() != leader.commit() || s.applied() != leader.commit()
                    || s.lastIndex() != leader.lastIndex() || s.lastTerm() != leader.lastTerm()) {
                return (s.up() ? s.describe() : s.id() + " down") + ", leader " + leader.describe();
            }
        }
        return null;
    }
}
