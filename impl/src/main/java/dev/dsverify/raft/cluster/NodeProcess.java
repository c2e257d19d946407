package dev.dsverify.raft.cluster;

import dev.dsverify.raft.net.Diagnostics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one node until the process is told to stop (SIGTERM or SIGINT: the node closes cleanly; SIGKILL: the
 * disk holds every fsynced step and the trace whole lines only). The launcher behind {@code dsverify node};
 * tests and benchmarks start it directly with the same options:
 *
 * <pre>
 * java -cp ... dev.dsverify.raft.cluster.NodeProcess --id n1 --listen 127.0.0.1:7001 \
 *     --peers n2=127.0.0.1:7002,n3=127.0.0.1:7003 --data DIR [--trace n1.ndjson] [--tick-ms 10] \
 *     [--snapshot-every N]
 * </pre>
 *
 * Prints {@code listening <id> <host:port>} on standard output once it accepts connections. Exit codes:
 * 2 bad options, 1 the node failed (e.g. its storage), 0 stopped cleanly.
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
        System.out.println("listening " + spec.id() + " " + node.address().getHostString() + ":"
                + node.address().getPort());
        System.out.flush();
        done.await();
        if (code[0] != 0) {
            node.close();
        }
        return code[0];
    }

    private static long number(Map<String, String> o, String key, long dflt) {
        try {
            return o.containsKey(key) ? Long.parseLong(o.get(key)) : dflt;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": '" + o.get(key) + "' is not a number");
        }
    }

    static NodeSpec parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        for (String req : new String[] {"id", "listen", "data"}) {
            if (!o.containsKey(req)) {
                throw new IllegalArgumentException("missing --" + req);
            }
        }
        NodeSpec d = NodeSpec.of(o.get("id"), NodeSpec.parseAddress(o.get("listen"), "--listen"),
                NodeSpec.parseServers(o.getOrDefault("peers", ""), "--peers"), Path.of(o.get("data")),
                o.containsKey("trace") ? Path.of(o.get("trace")) : null);
        return new NodeSpec(d.id(), d.listen(), d.peers(), d.dataDir(), d.trace(), number(o, "tick-ms", d.tickMillis()),
                d.electionTicks(), d.heartbeatTicks(), d.maxFrameBytes(), number(o, "snapshot-every", 0));
    }
}
