package dev.dsverify.raft.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * <b>CheckQuorum</b> (with the option on): a leader that has received no message of its current term from a
 * majority of servers (itself included) during its last {@code 2 × electionTicks} own ticks no longer leads. The
 * leader checks once per election timeout whether it heard from a majority since the last check; any window of two
 * election timeouts holds one whole such period, so a leader cut off from a majority steps down within two election
 * timeouts. "Heard from" is counted here from what the network delivers (pre-vote messages, which carry no term of
 * their own, do not count), not from the server's own bookkeeping. Ticks are the server's own, so a skewed clock or a
 * pause does not make the bound unfair.
 */
final class QuorumContactCheck {
    private final class Server {
        long ticks;
        /** The term this server leads in as far as the check knows; -1 when it does not lead. */
        long leadTerm = -1;
        long leadSince;
        /** The tick count at the latest message of {@code leadTerm} from each peer. */
        final Map<String, Long> heard = new HashMap<>();

        void leads(long term) {
            if (leadTerm != term) {
                leadTerm = term;
                leadSince = ticks;
                heard.clear();
            }
        }
    }

    private final List<String> ids;
    private final int window;
    private final int majority;
    private final Map<String, Server> servers = new HashMap<>();

    QuorumContactCheck(List<String> ids, int electionTicks) {
        this.ids = List.copyOf(ids);
        this.window = 2 * electionTicks;
        this.majority = ids.size() / 2 + 1;
        for (String id : ids) {
            servers.put(id, new Server());
        }
    }

    /** A crashed server restarts: a new process, with its own tick count. */
    void restarted(String id) {
        servers.put(id, new Server());
    }

    /**
     * A message of {@code term} from {@code from} is about to be delivered to {@code to}, which leads in
     * {@code toTerm} if {@code toLeads}.
     */
    void delivered(String to, String from, long term, boolean preVote, boolean toLeads, long toTerm) {
        if (preVote || !toLeads || term != toTerm) {
            return;
        }
        Server s = servers.get(to);
        s.leads(toTerm);
        s.heard.put(from, s.ticks);
    }

    /** {@code id} took a tick; after it, it leads in {@code term} if {@code leads}. */
    void ticked(String id, boolean leads, long term) {
        Server s = servers.get(id);
        if (!leads) {
            s.ticks++;
            s.leadTerm = -1;
            return;
        }
        s.leads(term); // first seen leading at this tick: it took office before it, at the previous count
        s.ticks++;
        if (s.ticks - s.leadSince < window) {
            return;
        }
        Map<String, Long> recent = new TreeMap<>();
        s.heard.forEach((peer, at) -> {
            if (at >= s.ticks - window) {
                recent.put(peer, s.ticks - at);
            }
        });
        if (recent.size() + 1 < majority) {
            Map<String, String> last = new TreeMap<>();
            for (String peer : ids) {
                if (!peer.equals(id)) {
                    Long at = s.heard.get(peer);
                    last.put(peer, at == null ? "never" : (s.ticks - at) + " ticks ago");
                }
            }
            throw new InvariantViolation("CheckQuorum", String.format(Locale.ROOT,
                    "%s still leads term %d after %d of its ticks as leader, but heard from only %d of %d servers"
                            + " (itself included) in its last %d ticks; last heard from each peer: %s",
                    id, term, s.ticks - s.leadSince, recent.size() + 1, ids.size(), window, last));
        }
    }
}
