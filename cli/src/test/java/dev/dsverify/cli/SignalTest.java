package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsverify check} as a separate process on a model that never ends, stopped with a real signal: its
 * TLC JVM must be gone within 2 s, and the run's {@code dsverify-tlc-*} directory with it. SIGTERM and SIGINT
 * run the CLI's shutdown hook; SIGKILL runs nothing, so there the TLC JVM has to notice by itself.
 */
class SignalTest {
    private static final Path UNBOUNDED = Path.of("src/test/resources/process/Unbounded.tla").toAbsolutePath();
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "KILL"})
    @Timeout(120)
    void noTlcProcessAndNoDirectoryOutlivesTheCommand(String signal) throws Exception {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process cli = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + javaTmp,
                "-cp", System.getProperty("java.class.path"), Dsverify.class.getName(),
                "check", UNBOUNDED.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("cli.log").toFile()).start();
        try {
            if (signal.equals("INT")) {
                // A JVM started with SIGINT ignored (a background job of a non-interactive shell) keeps
                // ignoring it: then there is nothing to test.
                assumeThat(ignored(cli.pid(), 2)).as("SIGINT ignored by the environment").isFalse();
            }
            List<ProcessHandle> tlc = waitForTlc(cli, javaTmp);
            assertThat(tlc).isNotEmpty();

            long sent = System.nanoTime();
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(cli.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();

            long tlcGone = -1;
            long dirsGone = -1;
            while (System.nanoTime() - sent < LIMIT_NANOS && (tlcGone < 0 || dirsGone < 0)) {
                if (tlcGone < 0 && tlc.stream().noneMatch(SignalTest::running)) {
                    tlcGone = System.nanoTime() - sent;
                }
                if (dirsGone < 0 && runDirectories(javaTmp).isEmpty()) {
                    dirsGone = System.nanoTime() - sent;
                }
                Thread.sleep(5);
            }
            System.out.printf(Locale.ROOT, "SIG%s: TLC gone after %s ms, run directory gone after %s ms%n", signal,
                    tlcGone < 0 ? "more than 2000" : String.format(Locale.ROOT, "%.1f", tlcGone / 1e6),
                    dirsGone < 0 ? "more than 2000" : String.format(Locale.ROOT, "%.1f", dirsGone / 1e6));
            assertThat(tlcGone).as("TLC JVM gone within 2 s of SIG" + signal + "; alive: " + alive(tlc))
                    .isNotNegative();
            assertThat(cli.waitFor(10, TimeUnit.SECONDS)).as("the command itself ended").isTrue();
            // the promise is that nothing survives the command: on a loaded machine its shutdown may take longer
            // than the 2 s above, so the directories are checked once it has ended (the TLC JVM's own clean-up on
            // its parent's death may still be running: a short grace)
            long ended = System.nanoTime();
            while (!runDirectories(javaTmp).isEmpty() && System.nanoTime() - ended < LIMIT_NANOS) {
                Thread.sleep(5);
            }
            assertThat(runDirectories(javaTmp)).as("dsverify-tlc-* left after SIG" + signal + " ended the command")
                    .isEmpty();
        } finally {
            cli.destroyForcibly();
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Waits until the command's TLC JVM has started model checking (its metadir gets a run directory). */
    private static List<ProcessHandle> waitForTlc(Process cli, Path javaTmp) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(cli.isAlive()).as("the command runs").isTrue();
            List<ProcessHandle> tlc = cli.descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("dev.dsverify.runner.fork.TlcMain"))
                    .toList();
            if (!tlc.isEmpty() && exploring(javaTmp)) {
                return tlc;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("TLC did not start model checking within 90 s");
    }

    private static boolean exploring(Path javaTmp) throws IOException {
        for (Path run : runDirectories(javaTmp)) {
            Path meta = run.resolve("meta");
            if (Files.isDirectory(meta)) {
                try (Stream<Path> s = Files.list(meta)) {
                    if (s.findAny().isPresent()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<Path> runDirectories(Path javaTmp) throws IOException {
        try (Stream<Path> s = Files.list(javaTmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("dsverify-tlc-")).toList();
        }
    }

    private static List<Long> alive(List<ProcessHandle> ps) {
        return ps.stream().filter(SignalTest::running).map(ProcessHandle::pid).toList();
    }

    /**
     * Whether a process still runs. An orphan that has exited stays a zombie until whatever adopted it reaps
     * it (in a container that may be a slow init); a zombie runs no code and holds no memory, so it is gone.
     */
    private static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            // pid (comm) state ...: the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return p.isAlive();
        }
    }

    /** Whether the process ignores signal {@code n} (SigIgn in /proc/PID/status; false where unknown). */
    private static boolean ignored(long pid, int n) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (n - 1))) != 0;
            }
        }
        return false;
    }
}
