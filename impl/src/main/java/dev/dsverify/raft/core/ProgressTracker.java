package dev.dsverify.raft.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One {@link Progress} per peer, in the configuration's order, and the majority arithmetic over them. */
final class ProgressTracker {
    private final LinkedHashMap<String, Progress> peers = new LinkedHashMap<>();
    /** Servers (this one included) that make a majority. */
    final int quorum;

    ProgressTracker(Collection<String> peerIds, int servers) {
        for (String p : peerIds) {
            peers.put(p, new Progress());
        }
        this.quorum = servers / 2 + 1;
    }

    Progress get(String peer) {
        return peers.get(peer);
    }

    boolean isPeer(String id) {
        return peers.containsKey(id);
    }

    Collection<String> ids() {
        return peers.keySet();
    }

    Collection<Progress> all() {
        return peers.values();
    }

    void becomeLeader(long lastIndex) {
        for (Progress p : peers.values()) {
            p.becomeLeader(lastIndex);
        }
    }

    void clearInflight() {
        for (Progress p : peers.values()) {
            p.inflight = false;
        }
    }

    /**
     * The highest index held by a majority, counting this server for its durable entries only
     * ({@code selfStable}) and each peer for its match index (capped at {@code lastIndex}).
     */
    long majorityIndex(long selfStable, long lastIndex) {
        long[] held = new long[peers.size() + 1];
        held[0] = selfStable;
        int i = 1;
        for (Progress p : peers.values()) {
            held[i++] = Math.min(p.match, lastIndex);
        }
        Arrays.sort(held);
        return held[held.length - quorum];
    }

    /** Whether a majority, this server included, answered a request of heartbeat round {@code round} or later. */
    boolean roundConfirmed(long round) {
        int acks = 1;
        for (Progress p : peers.values()) {
            if (p.ackedRound >= round) {
                acks++;
            }
        }
        return acks >= quorum;
    }

    /** Check-quorum: {@code id} showed it is alive in this period (a server outside the configuration never counts). */
    void heardFrom(String id) {
        Progress p = peers.get(id);
        if (p != null) {
            p.recentActive = true;
        }
    }

    /** Check-quorum: the peers heard from in this period (the spec's heardFrom), in configuration order. */
    java.util.Set<String> heardFrom() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        peers.forEach((id, p) -> {
            if (p.recentActive) {
                out.add(id);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /** Check-quorum: whether a majority, this server included, was heard from; starts a new period. */
    boolean quorumActiveThenReset() {
        int active = 1;
        for (Progress p : peers.values()) {
            if (p.recentActive) {
                active++;
            }
            p.recentActive = false;
        }
        return active >= quorum;
    }

    /** The spec's nextIndex of this server: peers only, in configuration order (a copy). */
    Map<String, Long> nextIndex() {
        LinkedHashMap<String, Long> m = new LinkedHashMap<>();
        peers.forEach((id, p) -> m.put(id, p.next));
        return Collections.unmodifiableMap(m);
    }

    /** The spec's matchIndex of this server: peers only, in configuration order (a copy). */
    Map<String, Long> matchIndex() {
        LinkedHashMap<String, Long> m = new LinkedHashMap<>();
        peers.forEach((id, p) -> m.put(id, p.match));
        return Collections.unmodifiableMap(m);
    }
}
