package dev.dsverify.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A staging directory whose JVM was killed (no exit hook ran) is swept by the next JVM that stages one. */
class StagingDirsTest {
    @TempDir
    Path tmp;

    private Path staged(String name, String owner) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Files.writeString(dir.resolve("Raft.tla"), "---- MODULE Raft ----\n====\n");
        if (owner != null) {
            Files.writeString(dir.resolve(StagingDirs.OWNER), owner);
        }
        return dir;
    }

    @Test
    void theDirectoriesOfEndedProcessesAreSweptOthersKept() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path dead = staged("dsverify-trace-1", Long.toString(p.pid()));
        Path deadSpec = staged("dsverify-tracespec-2", Long.toString(p.pid()));
        Path alive = staged("dsverify-trace-3", Long.toString(ProcessHandle.current().pid()));
        Path unownedRecent = staged("dsverify-raft-4", null);
        Path notOurs = staged("someone-else-5", Long.toString(p.pid()));

        assertThat(StagingDirs.sweepOrphans(tmp)).isEqualTo(2);

        assertThat(dead).doesNotExist();
        assertThat(deadSpec).doesNotExist();
        assertThat(alive).exists();
        assertThat(unownedRecent).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void aStagedDirectoryNamesItsOwnerAndIsDeletedOnRequest() throws Exception {
        Path dir = StagingDirs.create("dsverify-trace-");
        try {
            assertThat(Files.readString(dir.resolve(StagingDirs.OWNER)))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        } finally {
            StagingDirs.delete(dir);
        }
        assertThat(dir).doesNotExist();
    }
}
