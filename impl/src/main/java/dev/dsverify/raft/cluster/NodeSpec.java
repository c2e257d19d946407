package dev.dsverify.raft.cluster;

import dev.dsverify.raft.net.ServerLimits;
import dev.dsverify.raft.net.TlsFiles;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a node process needs to know.
 *
 * @param id             this server's id
 * @param listen         where it accepts peers and clients (one port for both)
 * @param peers          the other servers' ids and addresses
 * @param dataDir        its storage directory (WAL and meta file)
 * @param trace          its NDJSON trace file, or null for no trace
 * @param tickMillis     length of one Raft tick
 * @param electionTicks  minimum election timeout in ticks
 * @param heartbeatTicks ticks between heartbeats
 * @param limits         what the listener grants connecting parties: largest frame (also the largest sent),
 *                       connection cap, idle and frame timeouts, buffer budget
 * @param snapshotEvery  take a snapshot and compact the log every this many applied entries (0: never);
 *                       traced as Raft.tla's CompactLog like every other step
 * @param tls            this node's certificate, key and the cluster's CA for mutual TLS with peers and
 *                       clients, or null: unauthenticated plaintext
 */
public record NodeSpec(String id, InetSocketAddress listen, Map<String, InetSocketAddress> peers, Path dataDir,
        Path trace, long tickMillis, int electionTicks, int heartbeatTicks, ServerLimits limits, long snapshotEvery,
        TlsFiles tls) {

    public static final long DEFAULT_TICK_MILLIS = 10;
    /** 300-600 ms election timeouts: long enough for fsync stalls on a loaded machine. */
    public static final int DEFAULT_ELECTION_TICKS = 30;
    public static final int DEFAULT_HEARTBEAT_TICKS = 5;

    public NodeSpec {
        peers = Map.copyOf(new LinkedHashMap<>(peers));
        if (peers.containsKey(id)) {
            throw new IllegalArgumentException("--peers must not name this node (" + id + ")");
        }
        if (tickMillis < 1) {
            throw new IllegalArgumentException("tick must be at least 1 ms, got " + tickMillis);
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits must be given");
        }
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshot interval must not be negative, got " + snapshotEvery);
        }
    }

    public static NodeSpec of(String id, InetSocketAddress listen, Map<String, InetSocketAddress> peers, Path dataDir,
            Path trace) {
        return new NodeSpec(id, listen, peers, dataDir, trace, DEFAULT_TICK_MILLIS, DEFAULT_ELECTION_TICKS,
                DEFAULT_HEARTBEAT_TICKS, ServerLimits.defaults(), 0, null);
    }

    public NodeSpec withTickMillis(long millis) {
        return new NodeSpec(id, listen, peers, dataDir, trace, millis, electionTicks, heartbeatTicks, limits,
                snapshotEvery, tls);
    }

    public NodeSpec withSnapshotEvery(long n) {
        return new NodeSpec(id, listen, peers, dataDir, trace, tickMillis, electionTicks, heartbeatTicks, limits, n,
                tls);
    }

    public NodeSpec withLimits(ServerLimits l) {
        return new NodeSpec(id, listen, peers, dataDir, trace, tickMillis, electionTicks, heartbeatTicks, l,
                snapshotEvery, tls);
    }

    public NodeSpec withTls(TlsFiles files) {
        return new NodeSpec(id, listen, peers, dataDir, trace, tickMillis, electionTicks, heartbeatTicks, limits,
                snapshotEvery, files);
    }

    /** Largest Raft frame accepted or sent. */
    public int maxFrameBytes() {
        return limits.maxFrameBytes();
    }

    /** Every server of the cluster, this one included, sorted so all nodes agree on the order. */
    public List<String> servers() {
        List<String> all = new ArrayList<>(peers.keySet());
        all.add(id);
        all.sort(null);
        return all;
    }

    /** Parses {@code host:port} (IPv6 as {@code [addr]:port}); {@code what} names the option in errors. */
    public static InetSocketAddress parseAddress(String text, String what) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": port of '" + text + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + ": port " + port + " out of range 0..65535");
        }
        return new InetSocketAddress(host, port);
    }

    /** Parses {@code id=host:port,id=host:port,...}; ids must be distinct. */
    public static Map<String, InetSocketAddress> parseServers(String text, String what) {
        Map<String, InetSocketAddress> out = new LinkedHashMap<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(what + ": '" + part + "' is not id=host:port");
            }
            String id = part.substring(0, eq).strip();
            if (out.put(id, parseAddress(part.substring(eq + 1).strip(), what + " (" + id + ")")) != null) {
                throw new IllegalArgumentException(what + ": server " + id + " is listed twice");
            }
        }
        return out;
    }
}
