package dev.dsverify.raft.cluster;

import dev.dsverify.raft.net.Diagnostics;
import dev.dsverify.raft.net.ServerLimits;
import dev.dsverify.raft.net.TlsFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one node until the process is told to stop (SIGTERM or SIGINT: the node closes cleanly; SIGKILL: the
 * disk holds every fsynced step and the trace whole lines only). The launcher behind {@code dsverify node};
 * tests and benchmarks start it directly with the same options:
 *
 * <pre>
 * java -cp ... dev.dsverify.raft.cluster.NodeProcess --id n1 --listen 127.0.0.1:7001 \
 *     --peers n2=127.0.0.1:7002,n3=127.0.0.1:7003 --data DIR [--trace n1.ndjson] [--tick-ms 10] \
 *     [--snapshot-every N] [--tls-cert FILE --tls-key FILE --tls-ca FILE] [--max-connections N] \
 *     [--idle-timeout-ms N] [--frame-timeout-ms N]
 * </pre>
 *
 * Prints {@code listening <id> <host:port>} on standard output once it accepts connections. Exit codes:
 * 2 bad options (unreadable TLS files included), 1 the node failed (e.g. its storage), 0 stopped cleanly.
 */
public final class NodeProcess {
    private NodeProcess() {}

    public static void main(String[] args) throws Exception {
        NodeSpec spec;
        try {
            spec = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("node: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(spec));
    }

    /** Runs {@code spec} until shutdown; returns the exit code. */
    public static int run(NodeSpec spec) throws InterruptedException {
        try {
            TlsFiles.security(spec.tls()); // unreadable or mismatched PEM files are bad options
        } catch (java.io.IOException e) {
            System.err.println("node " + spec.id() + ": " + e.getMessage());
            return 2;
        }
        CountDownLatch done = new CountDownLatch(1);
        int[] code = {0};
        ClusterNode node;
        try {
            node = ClusterNode.start(spec, Diagnostics.STDERR, t -> {
                System.err.println("node " + spec.id() + " stopped: " + t);
                code[0] = 1;
                done.countDown();
            });
        } catch (Exception e) {
            System.err.println("node " + spec.id() + ": " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> {
            node.close();
            done.countDown();
        }, "shutdown-" + spec.id());
        Runtime.getRuntime().addShutdownHook(hook);
        if (spec.tls() == null) { // said once the node serves, so a failed start stays one line
            System.err.println("node " + spec.id() + ": WARNING: no --tls-cert/--tls-key/--tls-ca: peers and clients"
                    + " are NOT authenticated; anyone who can reach " + node.address().getHostString() + ":"
                    + node.address().getPort() + " can act as a server or client of this cluster"
                    + " (keep it on loopback or a trusted network; see impl/CLUSTER.md)");
        }
        System.out.println("listening " + spec.id() + " " + node.address().getHostString() + ":"
                + node.address().getPort());
        System.out.flush();
        done.await();
        if (code[0] != 0) {
            node.close();
        }
        return code[0];
    }

    private static final Set<String> OPTIONS = Set.of("id", "listen", "peers", "data", "trace", "tick-ms",
            "snapshot-every", "tls-cert", "tls-key", "tls-ca", "max-connections", "idle-timeout-ms",
            "frame-timeout-ms");

    private static long number(Map<String, String> o, String key, long dflt) {
        try {
            return o.containsKey(key) ? Long.parseLong(o.get(key)) : dflt;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": '" + o.get(key) + "' is not a number");
        }
    }

    private static int intNumber(Map<String, String> o, String key, int dflt) {
        long v = number(o, key, dflt);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + key + ": " + v + " outside [1, " + Integer.MAX_VALUE + "]");
        }
        return (int) v;
    }

    private static Path path(Map<String, String> o, String key) {
        return o.containsKey(key) ? Path.of(o.get(key)) : null;
    }

    static NodeSpec parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            o.put(key, args[++i]);
        }
        for (String req : new String[] {"id", "listen", "data"}) {
            if (!o.containsKey(req)) {
                throw new IllegalArgumentException("missing --" + req);
            }
        }
        NodeSpec d = NodeSpec.of(o.get("id"), NodeSpec.parseAddress(o.get("listen"), "--listen"),
                NodeSpec.parseServers(o.getOrDefault("peers", ""), "--peers"), Path.of(o.get("data")),
                o.containsKey("trace") ? Path.of(o.get("trace")) : null);
        ServerLimits l = d.limits();
        l = l.withMaxConnections(intNumber(o, "max-connections", l.maxConnections()))
                .withTimeouts(intNumber(o, "idle-timeout-ms", l.idleTimeoutMillis()),
                        intNumber(o, "frame-timeout-ms", l.frameTimeoutMillis()));
        return d.withTickMillis(number(o, "tick-ms", d.tickMillis()))
                .withSnapshotEvery(number(o, "snapshot-every", 0))
                .withLimits(l)
                .withTls(TlsFiles.ofOptional(path(o, "tls-cert"), path(o, "tls-key"), path(o, "tls-ca")));
    }
}
