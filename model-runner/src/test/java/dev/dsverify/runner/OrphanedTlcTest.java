package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.fork.TlcMain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLC JVM started by the runner ends by itself, deleting the run's directory, once its parent is gone. */
class OrphanedTlcTest {

    @Test
    void tlcExitsAndDeletesItsDirectoryWhenThePipeFromItsParentCloses(@TempDir Path temp) throws Exception {
        Path runDir = Files.createDirectories(temp.resolve("dsverify-tlc-test"));
        Path meta = Files.createDirectories(runDir.resolve("meta"));
        TlcRuntime rt = TlcRuntime.current();
        List<String> cmd = new ArrayList<>(List.of(rt.java().toString(), "-XX:+UseParallelGC",
                "-Djava.io.tmpdir=" + Files.createDirectories(runDir.resolve("tmp")),
                "-D" + TlcMain.EXIT_WITH_PARENT + "=" + runDir,
                "-cp", rt.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                TlcMain.class.getName(), "tlc2.TLC", "-tool", "-workers", "1", "-metadir", meta.toString(),
                "-config", Specs.cfg("Unbounded").toString(), Specs.tla("Unbounded").toString()));
        Process tlc = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(temp.resolve("out.txt").toFile()).start();
        try {
            // Wait until TLC is exploring states (it then writes into the metadir).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(temp.resolve("out.txt")).contains("Finished computing initial states")) {
                assertThat(tlc.isAlive()).as("TLC still running").isTrue();
                assertThat(System.nanoTime() < deadline).as("TLC started exploring within 60 s").isTrue();
                Thread.sleep(50);
            }
            tlc.getOutputStream().close();
            assertThat(tlc.waitFor(2, TimeUnit.SECONDS)).as("TLC exited within 2 s of losing its parent").isTrue();
            assertThat(runDir).doesNotExist();
        } finally {
            tlc.destroyForcibly();
        }
    }

    @Test
    void cancelLeavesNoProcessAndNoDirectory(@TempDir Path temp) throws Exception {
        ModelChecker checker = new ModelChecker(TlcRuntime.current(), temp);
        RunningCheck run = checker.start(Specs.check("Unbounded", "Unbounded").build(), ProgressListener.NONE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (run.pid() < 0) {
            assertThat(System.nanoTime() < deadline).isTrue();
            Thread.sleep(20);
        }
        ProcessHandle tlc = ProcessHandle.of(run.pid()).orElseThrow();
        run.cancel();
        assertThat(run.await().outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(tlc.onExit().get(2, TimeUnit.SECONDS).isAlive()).isFalse();
        try (var left = Files.list(temp)) {
            assertThat(left.toList()).isEmpty();
        }
    }
}
