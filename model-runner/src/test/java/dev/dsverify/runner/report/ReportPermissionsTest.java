package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dsverify.runner.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files get the permissions the process umask gives a new file, as any other tool's output does. */
class ReportPermissionsTest {

    @Test
    void everyReportFileHonoursTheUmask(@TempDir Path dir) throws Exception {
        Set<PosixFilePermission> expected = newFilePermissions();
        Written w = writeAll(dir);
        ResultJson.write(dir.resolve("single.json"), Samples.raftViolation(), null);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).contains(w.index, w.html, w.junit, dir.resolve("single.json"));
            for (Path f : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                        .as(f.getFileName().toString())
                        .isEqualTo(PosixFilePermissions.toString(expected));
            }
        }
    }

    @Test
    void replacingAFileKeepsUmaskPermissions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.json");
        ResultJson.write(f, Samples.raftViolation(), null);
        ResultJson.write(f, Samples.raftViolation(), null);
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(newFilePermissions());
    }

    private record Written(Path index, Path html, Path junit) {
    }

    private static Written writeAll(Path dir) {
        Reports.Written w = Reports.writeAll(dir, "t", Samples.mixed(), List.of(), Instant.EPOCH);
        return new Written(w.index(), w.html(), w.junit());
    }

    /** 0666 without the bits of this process's umask (Linux reports it in /proc/self/status). */
    private static Set<PosixFilePermission> newFilePermissions() throws Exception {
        Path status = Path.of("/proc/self/status");
        assumeThat(Files.isReadable(status)).as("/proc/self/status").isTrue();
        String line = Files.readAllLines(status).stream().filter(l -> l.startsWith("Umask:")).findFirst()
                .orElse(null);
        assumeThat(line).as("Umask line").isNotNull();
        int umask = Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
        // 0600 is what the old writer produced whatever the umask; with umask 077 the test cannot tell.
        assumeThat(umask).as("umask other than 077").isNotEqualTo(077);
        Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE};
        int mode = 0666 & ~umask;
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                p.add(order[i]);
            }
        }
        return p;
    }
}
