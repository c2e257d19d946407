import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.net.RemoteKvClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Committed writes per second of a real three-process cluster on loopback (TCP, WAL with fsync, no trace),
 * at 1, 16 and 64 concurrent clients, against the raw rate of fsync'd appends on the same disk measured in the
 * same run, in batches of as many records as there are clients (the most group commit could put in one fsync), before
 * and after the cluster levels: on a shared machine the disk's speed drifts. Each client is one session with one write in flight; a write counts when the leader has applied it
 * (committed on a majority, each copy fsynced). Run through run.sh.
 *
 * Arguments: [seconds per level (default 5)] [work directory (default: a new one under bench/cluster/)]
 */
public final class ClusterBench {
    private static final List<String> IDS = List.of("n1", "n2", "n3");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = args.length > 1 ? Path.of(args[1])
                : Files.createTempDirectory(Path.of("bench/cluster").toAbsolutePath(), "work-");
        Files.createDirectories(work);
        System.out.printf("# dsverify cluster benchmark: %d s per level, work dir %s, %d cores, load %s%n", seconds,
                work, Runtime.getRuntime().availableProcessors(), loadAverage());

        int[] levels = {1, 16, 64};
        double[][] before = new double[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            before[i] = rawFsync(work.resolve("raw-fsync"), Math.max(3, seconds), levels[i]);
            System.out.printf("raw fsync'd appends, batch %d, before: %.0f records/s (p50 %.2f ms, p99 %.2f ms per fsync)%n",
                    levels[i], before[i][0], before[i][1], before[i][2]);
        }

        Map<String, InetSocketAddress> addrs = new LinkedHashMap<>();
        for (String id : IDS) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                addrs.put(id, new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        }
        List<Process> procs = new ArrayList<>();
        try {
            for (String id : IDS) {
                procs.add(launch(id, addrs, work));
            }
            level(addrs, 4, 2, "warmup"); // JIT, connections, first election
            List<double[]> rows = new ArrayList<>();
            for (int clients : levels) {
                rows.add(level(addrs, clients, seconds, "c" + clients));
            }
            double[] raw = new double[levels.length];
            for (int i = 0; i < levels.length; i++) {
                double[] after = rawFsync(work.resolve("raw-fsync"), Math.max(3, seconds), levels[i]);
                System.out.printf("raw fsync'd appends, batch %d, after: %.0f records/s (p50 %.2f ms, p99 %.2f ms per fsync)%n",
                        levels[i], after[0], after[1], after[2]);
                raw[i] = (before[i][0] + after[0]) / 2;
            }
            System.out.println();
            System.out.println("| clients | committed writes/s | p50 ms | p99 ms | raw batched appends/s (batch = clients) | ratio |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            for (int i = 0; i < levels.length; i++) {
                double[] r = rows.get(i);
                System.out.printf("| %d | %.0f | %.2f | %.2f | %.0f | %.2f |%n", levels[i], r[0], r[1], r[2], raw[i],
                        r[0] / raw[i]);
            }
            System.out.printf("%nload after: %s%n", loadAverage());
        } finally {
            for (Process p : procs) {
                p.destroy();
            }
            for (Process p : procs) {
                p.waitFor(20, TimeUnit.SECONDS);
            }
            if (args.length < 2) {
                deleteTree(work);
            }
        }
    }

    /**
     * Appends 64-byte records, {@code batch} at a time with one FileChannel.force(false) after each batch, opened
     * and written like the WAL (read-write channel, writes at the end position): {records/s, p50 ms, p99 ms per
     * batch}.
     */
    static double[] rawFsync(Path file, int seconds, int batch) throws IOException {
        List<Long> lat = new ArrayList<>();
        Files.deleteIfExists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            ByteBuffer rec = ByteBuffer.allocate(64 * batch);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                rec.clear();
                ch.write(rec);
                ch.force(false);
                lat.add(System.nanoTime() - t);
            }
            double rate = (double) lat.size() * batch / ((System.nanoTime() - start) / 1e9);
            return new double[] {rate, pct(lat, 0.50), pct(lat, 0.99)};
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@code clients} sessions writing for {@code seconds}: {writes/s, p50 ms, p99 ms}. */
    static double[] level(Map<String, InetSocketAddress> addrs, int clients, int seconds, String tag)
            throws Exception {
        List<List<Long>> lat = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] failures = new long[clients];
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            lat.add(mine);
            int ci = c;
            Thread t = new Thread(() -> {
                try (RemoteKvClient k = new RemoteKvClient(tag + "-" + ci, addrs, 1000)) {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        k.execute(new KvOp.Put("k" + ci + "-" + (i % 1000), "value-" + i), 30_000);
                        mine.add(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    failures[ci]++;
                    System.err.println(tag + "-" + ci + ": " + e.getMessage());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        lat.forEach(all::addAll);
        if (Arrays.stream(failures).sum() > 0) {
            System.err.println(tag + ": " + Arrays.stream(failures).sum() + " clients failed");
        }
        return new double[] {all.size() / elapsed, pct(all, 0.50), pct(all, 0.99)};
    }

    static double pct(List<Long> nanos, double q) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> s = new ArrayList<>(nanos);
        s.sort(Comparator.naturalOrder());
        return s.get((int) Math.min(s.size() - 1, Math.floor(q * s.size()))) / 1e6;
    }

    static Process launch(String id, Map<String, InetSocketAddress> addrs, Path work) throws Exception {
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
                "--data", work.resolve("data-" + id).toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        for (int i = 0; i < 600; i++) {
            if (Files.readString(out).contains("listening " + id)) {
                return p;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(id + " exited: " + Files.readString(out));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(id + " did not start: " + Files.readString(out));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " (1-min load average)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
