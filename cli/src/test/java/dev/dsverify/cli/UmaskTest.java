package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the command writes get the permissions of the umask it runs under, like any other tool's. */
class UmaskTest {
    private static final Path SPEC = Path.of("src/test/resources/process/InitViolation.tla").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void outputFilesAre0644UnderUmask022And0640Under027() throws Exception {
        assertThat(permissionsUnder("022")).containsOnly("rw-r--r--");
        assertThat(permissionsUnder("027")).containsOnly("rw-r-----");
    }

    private List<String> permissionsUnder(String umask) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("u" + umask));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String dsverify = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + Dsverify.class.getName();
        String script = "umask " + umask + " && cd '" + dir + "' && " + dsverify + " check '" + SPEC
                + "' --json results/InitViolation.json; " + dsverify
                + " report --json-dir results --out report.html --junit junit.xml";
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();
        return List.of(dir.resolve("results/InitViolation.json"), dir.resolve("report.html"),
                dir.resolve("junit.xml")).stream().map(f -> {
                    try {
                        return PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }
}
