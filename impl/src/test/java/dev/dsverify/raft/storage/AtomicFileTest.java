package dev.dsverify.raft.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    private static long entries(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void replacesTheContentAndLeavesNoTempFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("meta");
        AtomicFile.write(f, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(f, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
        assertThat(f).hasContent("two");
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndRemovesItsTempFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("meta");
        AtomicFile.write(f, "old".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFile.write(f, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(f).hasContent("old");
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void leftoversOfACrashAreRemovedOnlyForTheirFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".wal.x1y2.tmp"), "half");
        Files.writeString(dir.resolve(".meta.x1y2.tmp"), "half");
        Files.writeString(dir.resolve("wal"), "keep");
        AtomicFile.removeLeftovers(dir.resolve("wal"));
        assertThat(dir.resolve(".wal.x1y2.tmp")).doesNotExist();
        assertThat(dir.resolve(".meta.x1y2.tmp")).exists();
        assertThat(dir.resolve("wal")).hasContent("keep");
    }
}
