import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import dev.dsverify.raft.net.RemoteKvClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kill and pause torture of a real three-process cluster with traces on: clients write for the given time
 * while a seeded chaos loop SIGKILLs a node (restarting it from its data directory a moment later) or freezes
 * it with SIGSTOP/SIGCONT. Afterwards every key's last acknowledged write is read back (an acknowledged write
 * must never be lost), and the per-node traces are left in the work directory for {@code dsverify replay}
 * (torture.sh replays them).
 *
 * Arguments: [seconds (default 30)] [work directory] [seed (default 1)] [clients (default 16)]
 */
public final class Torture {
    private static final List<String> IDS = List.of("n1", "n2", "n3");
    private static final Map<String, Process> PROCS = new ConcurrentHashMap<>();

    /** Log compaction every this many applied entries at each node (0: never). */
    private static int snapshotEvery;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/torture"));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        snapshotEvery = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Runtime.getRuntime().addShutdownHook(new Thread(Torture::killAll));
        Map<String, InetSocketAddress> addrs = new LinkedHashMap<>();
        for (String id : IDS) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                addrs.put(id, new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        }
        System.out.printf("# torture: %d s, %d clients, seed %d, work dir %s%n", seconds, clients, seed, work);
        for (String id : IDS) {
            launch(id, addrs, work);
        }

        // Per key: the last acknowledged value, or null once a later write's outcome is unknown.
        Map<String, String> acked = new ConcurrentHashMap<>();
        Map<String, Boolean> unknown = new ConcurrentHashMap<>();
        AtomicLong writes = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int ci = c;
            Thread t = new Thread(() -> {
                // A session whose operation timed out cannot go on (its outcome is unknown): open a new one.
                RemoteKvClient k = new RemoteKvClient("torture-" + ci + "-0", addrs, 300);
                int sessions = 1;
                try {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        String key = "c" + ci + "-" + (i % 50);
                        String value = "v" + i;
                        try {
                            k.execute(new KvOp.Put(key, value), 10_000);
                            acked.put(key, value);
                            writes.incrementAndGet();
                        } catch (Exception e) {
                            unknown.put(key, true); // it may still be applied later
                            failed.incrementAndGet();
                            k.close();
                            k = new RemoteKvClient("torture-" + ci + "-" + sessions++, addrs, 300);
                        }
                    }
                } finally {
                    k.close();
                }
            });
            threads.add(t);
            t.start();
        }

        Random chaos = new Random(seed);
        int kills = 0;
        int pauses = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(1000 + chaos.nextInt(2000));
            String id = IDS.get(chaos.nextInt(IDS.size()));
            long hold = 500 + chaos.nextInt(2000);
            if (chaos.nextBoolean()) {
                Process p = PROCS.get(id);
                p.destroyForcibly(); // SIGKILL: no shutdown, no flush
                p.waitFor(10, TimeUnit.SECONDS);
                Thread.sleep(hold);
                launch(id, addrs, work);
                kills++;
            } else {
                signal("STOP", PROCS.get(id));
                Thread.sleep(hold);
                signal("CONT", PROCS.get(id));
                pauses++;
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("acknowledged writes: %d (%.0f/s), failed or unknown: %d, kills: %d, pauses: %d%n",
                writes.get(), writes.get() / (double) seconds, failed.get(), kills, pauses);

        int checked = 0;
        int lost = 0;
        try (RemoteKvClient k = new RemoteKvClient("torture-check", addrs, 500)) {
            for (Map.Entry<String, String> e : acked.entrySet()) {
                if (unknown.containsKey(e.getKey())) {
                    continue;
                }
                KvResult r = k.execute(new KvOp.Get(e.getKey()), 20_000);
                checked++;
                if (!r.ok() || !e.getValue().equals(r.value())) {
                    lost++;
                    System.out.printf("LOST: %s acknowledged %s, read %s%n", e.getKey(), e.getValue(), r.value());
                }
            }
        }
        System.out.printf("read back %d keys whose last write was acknowledged: %d lost%n", checked, lost);
        for (Process p : PROCS.values()) {
            p.destroy(); // SIGTERM: a clean close
        }
        for (Process p : PROCS.values()) {
            p.waitFor(20, TimeUnit.SECONDS);
        }
        long bytes = 0;
        long lines = 0;
        for (String id : IDS) {
            Path f = work.resolve(id + ".ndjson");
            bytes += Files.size(f);
            try (var s = Files.lines(f)) {
                lines += s.count();
            }
        }
        System.out.printf("traces: %d lines, %.1f MB (%.2f MB/s of run)%n", lines, bytes / 1e6, bytes / 1e6 / seconds);
        System.exit(lost == 0 ? 0 : 1);
    }

    static void signal(String sig, Process p) throws Exception {
        new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    static void killAll() {
        for (Process p : PROCS.values()) {
            try {
                signal("CONT", p);
            } catch (Exception ignored) {
                // the process is gone already
            }
            p.destroyForcibly();
        }
    }

    static void launch(String id, Map<String, InetSocketAddress> addrs, Path work) throws Exception {
        StringJoiner peers = new StringJoiner(",");
        addrs.forEach((k, a) -> {
            if (!k.equals(id)) {
                peers.add(k + "=127.0.0.1:" + a.getPort());
            }
        });
        Path out = work.resolve(id + ".out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.dsverify.raft.cluster.NodeProcess",
                "--id", id, "--listen", "127.0.0.1:" + addrs.get(id).getPort(), "--peers", peers.toString(),
                "--data", work.resolve("data-" + id).toString(), "--trace", work.resolve(id + ".ndjson").toString(),
                "--snapshot-every", Integer.toString(snapshotEvery))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        PROCS.put(id, p);
        int starts = STARTS.merge(id, 1, Integer::sum); // the output file is appended to across restarts
        for (int i = 0; i < 600; i++) {
            if (Files.readString(out).split("listening " + id, -1).length > starts) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(id + " exited: " + Files.readString(out));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(id + " did not start: " + Files.readString(out));
    }

    private static final Map<String, Integer> STARTS = new ConcurrentHashMap<>();
}
