package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC exports its fingerprint set over RMI, which listens on every interface by default. Through
 * {@link ModelChecker} it must listen on 127.0.0.1 only. Reads the child's listening sockets from /proc.
 */
@EnabledOnOs(OS.LINUX)
class LoopbackOnlyTest {

    @Test
    void checkListensOnLoopbackOnly() throws Exception {
        CountDownLatch exploring = new CountDownLatch(1);
        RunningCheck running = Specs.CHECKER.start(Specs.check("Slow", "Slow").build(), new ProgressListener() {
            @Override
            public void message(TlcMessage m) {
                if (m.code() == 2190) {
                    exploring.countDown();
                }
            }
        });
        try {
            assertThat(exploring.await(60, TimeUnit.SECONDS)).isTrue();
            List<String> listening = listeningAddresses(running.pid());
            assertThat(listening).as("TLC opens an RMI port for its fingerprint set").isNotEmpty();
            assertThat(listening).allMatch(LoopbackOnlyTest::isLoopback, "loopback address");
        } finally {
            running.cancel();
            running.await(Duration.ofSeconds(30));
        }
    }

    @Test
    void distributedServerAndWorkersListenOnLoopbackOnly() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        RunningCheck running = Specs.CHECKER.start(Specs.check("Slow", "Slow").distributed(1).build(),
                new ProgressListener() {
                    @Override
                    public void message(TlcMessage m) {
                        if (m.code() == 7001) { // a worker registered with the server
                            registered.countDown();
                        }
                    }
                });
        try {
            assertThat(registered.await(90, TimeUnit.SECONDS)).isTrue();
            List<Long> pids = new ArrayList<>(List.of(running.pid()));
            ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains("tlc2.tool.distributed.TLCWorker"))
                            .orElse(false))
                    .forEach(p -> pids.add(p.pid()));
            assertThat(pids).hasSizeGreaterThanOrEqualTo(2);
            for (long pid : pids) {
                List<String> listening = listeningAddresses(pid);
                assertThat(listening).as("process " + pid).isNotEmpty();
                assertThat(listening).as("process " + pid).allMatch(LoopbackOnlyTest::isLoopback, "loopback address");
            }
        } finally {
            running.cancel();
            running.await(Duration.ofSeconds(30));
        }
    }

    /** The control: TLC started directly, without the launcher, listens on all interfaces. */
    @Test
    void plainTlcListensOnAllInterfaces(@TempDir Path dir) throws Exception {
        TlcRuntime rt = TlcRuntime.current();
        List<String> cmd = List.of(rt.java().toString(), "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + dir,
                "-cp", rt.classpath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                "tlc2.TLC", "-workers", "1", "-metadir", dir.resolve("meta").toString(), "-config",
                Specs.cfg("Slow").toString(), Specs.tla("Slow").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
        try {
            List<String> listening = listeningAddresses(p.pid());
            assertThat(listening).isNotEmpty();
            assertThat(listening).anyMatch(a -> !isLoopback(a));
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits (up to 30 s) until the process has at least one listening TCP socket and returns their addresses. */
    private static List<String> listeningAddresses(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> found = listening(pid);
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    private static List<String> listening(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor was closed while listing.
                }
            }
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path t = Path.of(table);
            if (!Files.exists(t)) {
                continue;
            }
            // Read the table once: it changes between reads while other processes open sockets.
            List<String> lines = Files.readAllLines(t);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:tm retrnsmt uid timeout inode
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    addresses.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }

    /** /proc/net prints addresses as little-endian hex words: 0100007F is 127.0.0.1. */
    private static boolean isLoopback(String hex) {
        return hex.equals("0100007F")                                   // 127.0.0.1
                || hex.equals("00000000000000000000000001000000")       // ::1
                || hex.equals("0000000000000000FFFF00000100007F");      // ::ffff:127.0.0.1
    }
}
